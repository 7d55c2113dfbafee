package io.quotewire.bulk;

import java.io.PrintStream;
import java.util.Locale;

/**
 * One line of progress on the terminal, redrawn in place: how far through the file (by bytes read, compressed as
 * stored), lines, quotes created, merged, lines skipped, the rate and the time left (while a load stages its lines: lines
 * and their rate). Without a terminal (a log) it prints a new line every two seconds instead.
 */
final class ProgressBar implements Importer.Listener {

    private static final int WIDTH = 24;
    private final PrintStream out;
    private final boolean terminal;
    private long lastPrinted;

    ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onBatch(Importer.Progress progress) {
        long now = System.nanoTime();
        if (!terminal && now - lastPrinted < 2_000_000_000L) {
            return;
        }
        lastPrinted = now;
        out.print((terminal ? "\r" : "") + render(progress) + (terminal ? "" : "\n"));
        out.flush();
    }

    void finish(Importer.Progress progress) {
        if (progress != null) {
            out.print((terminal ? "\r" : "") + render(progress) + "\n");
            out.flush();
        }
    }

    static String render(Importer.Progress p) {
        double fraction = p.bytesTotal() <= 0 ? 0 : Math.min(1, (double) p.bytesRead() / p.bytesTotal());
        int filled = (int) Math.round(fraction * WIDTH);
        String left = fraction <= 0 || fraction >= 1 ? "-" : duration(p.seconds() * (1 - fraction) / fraction);
        if (p.staging()) {
            double rate = p.seconds() <= 0 ? 0 : p.records() / p.seconds();
            return String.format(Locale.ROOT, "[%s%s] %3.0f%% | %,d lines | staged for the load | %,d skipped | %,.0f lines/s | %s left to read",
                    "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, p.records(), p.skipped(), rate, left);
        }
        double rate = p.seconds() <= 0 ? 0 : (p.created() + p.merged()) / p.seconds();
        return String.format(Locale.ROOT, "[%s%s] %3.0f%% | %,d lines | %,d created | %,d merged | %,d skipped | %,.0f quotes/s | %s left",
                "#".repeat(filled), ".".repeat(WIDTH - filled), fraction * 100, p.records(), p.created(), p.merged(), p.skipped(), rate, left);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
