package io.quotewire.bulk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * Writes a large synthetic Quotebank quotation-centric file (the same lines for the same seed) for the bulk import
 * benchmark and the kill-and-resume test: made-up speakers (a third without Wikidata id, a tenth "None"), made-up
 * outlets, 1-4 URLs per quote, with some URLs shared between quotes as in real news. Compressed by the file name:
 * {@code .gz} or {@code .bz2}.
 *
 * <pre>./mvnw -q test-compile exec:java@generate-import -Dexec.args="target/quotes-10m.json.gz 10000000"</pre>
 */
public final class ImportFileGenerator {

    private static final String[] WORDS = ("harbour ferry storm council budget school river bridge road hospital market wages "
            + "contract election court police border farmers energy water housing rail airport vaccine teachers nurses strike "
            + "reform tax prices fuel flood drought harvest fishing port tourism museum festival stadium league season coach "
            + "players fans ticket transport union workers factory jobs export import trade talks treaty minister mayor "
            + "committee report inquiry evidence witness ruling appeal verdict sentence prison safety climate emissions forest "
            + "wildlife park coast island village city region province nation community families children students parents")
            .split(" ");
    private static final String[] VERBS = "will|must|cannot|should|would|did not|never|always|may".split("\\|");
    private static final String[] ACTIONS = ("support|reject|review|fund|delay|protect|reopen|close|expand|investigate|rebuild|"
            + "defend|question|welcome|oppose|announce|cancel|extend").split("\\|");
    private static final String[] FIRST = ("Ana Marta Tomas Ines Lena Quinn Omar Priya Jonas Mei Carlos Aisha Pavel Sofia Kenji "
            + "Fatima Lars Nadia Diego Elif Hugo Zara Viktor Amara Felix Leila Mateo Yara Soren Chloe").split(" ");
    private static final String[] LAST = ("Ruiz Berg Kovac Ortiz Lima Haddad Novak Silva Okafor Tanaka Jensen Moreau Rossi "
            + "Petrov Costa Nakamura Fischer Duarte Kaya Lindqvist Mensah Varga Castillo Ibrahim Holm").split(" ");
    private static final String[] OUTLETS = ("harbour-gazette coastal-news city-desk old-wire river-times valley-post "
            + "northern-herald daily-ledger morning-bulletin evening-courier").split(" ");

    private ImportFileGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ImportFileGenerator FILE QUOTES [SEED]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        long quotes = Long.parseLong(args[1]);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 13;
        long started = System.nanoTime();
        try (Writer out = new OutputStreamWriter(compressed(file), StandardCharsets.UTF_8)) {
            write(out, quotes, seed);
        }
        System.err.printf(Locale.ROOT, "%,d quotes written to %s (%,d bytes) in %.1f s%n", quotes, file, Files.size(file),
                (System.nanoTime() - started) / 1e9);
    }

    static OutputStream compressed(Path file) throws IOException {
        OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        String name = file.getFileName().toString();
        return name.endsWith(".gz") ? new GZIPOutputStream(raw, 1 << 16) : name.endsWith(".bz2") ? new BZip2CompressorOutputStream(raw) : raw;
    }

    static void write(Writer out, long quotes, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        int speakers = (int) Math.max(100, Math.min(2_000_000, quotes / 20));
        long urls = Math.max(1000, quotes / 2);
        LocalDate start = LocalDate.of(2015, 1, 1);
        StringBuilder line = new StringBuilder(512);
        for (long i = 0; i < quotes; i++) {
            line.setLength(0);
            LocalDate day = start.plusDays(random.nextInt(1900));
            int speaker = random.nextInt(speakers);
            boolean none = random.nextInt(10) == 0;
            String name = FIRST[speaker % FIRST.length] + " " + LAST[(speaker / FIRST.length) % LAST.length]
                    + (speaker >= FIRST.length * LAST.length ? " " + (char) ('A' + (speaker / (FIRST.length * LAST.length)) % 26) + "." + (speaker / (FIRST.length * LAST.length * 26)) : "");
            line.append("{\"quoteID\":\"").append(day).append('-').append(String.format(Locale.ROOT, "%09d", i)).append("\",\"quotation\":\"");
            sentence(line, random, i);
            line.append("\",\"speaker\":\"").append(none ? "None" : name).append("\",\"qids\":[");
            if (!none && speaker % 3 != 0) {
                line.append("\"Q").append(5_000_000 + speaker).append('"');
            }
            line.append("],\"date\":\"").append(day).append(' ').append(String.format(Locale.ROOT, "%02d:%02d:%02d", random.nextInt(24),
                    random.nextInt(60), random.nextInt(60))).append("\",\"numOccurrences\":");
            int appearances = 1 + random.nextInt(4);
            line.append(appearances).append(",\"probas\":[[\"").append(none ? "None" : name).append("\",\"")
                    .append(String.format(Locale.ROOT, "%.4f", 0.5 + random.nextDouble() / 2)).append("\"]],\"urls\":[");
            for (int a = 0; a < appearances; a++) {
                long url = random.nextLong(urls);
                if (a > 0) {
                    line.append(',');
                }
                line.append("\"https://").append(OUTLETS[(int) (url % OUTLETS.length)]).append(".example/").append(day.getYear()).append("/story-")
                        .append(url).append('"');
            }
            line.append("],\"phase\":\"").append(day.getYear() < 2015 ? "A" : "E").append("\"}\n");
            out.append(line);
        }
    }

    /** A made-up sentence, unique per quote (the number in it). */
    private static void sentence(StringBuilder line, SplittableRandom random, long number) {
        line.append("The ").append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(VERBS[random.nextInt(VERBS.length)]).append(' ')
                .append(ACTIONS[random.nextInt(ACTIONS.length)]).append(" the ");
        int words = 4 + random.nextInt(20);
        for (int w = 0; w < words; w++) {
            line.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        line.append("plan number ").append(number).append('.');
    }
}
