package io.quotewire.bulk;

import io.quarkus.arc.Unremovable;
import io.quotewire.quote.QuoteFilter;
import io.quotewire.quote.QuoteFilterSql;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * The command line of bulk import and export, run by {@code QuotewireMain} instead of the server:
 * <pre>
 * java -jar target/quarkus-app/quarkus-run.jar import FILE --format quotebank
 * java -jar target/quarkus-app/quarkus-run.jar export FILE [--format ndjson|csv]     (FILE ending .gz is gzipped)
 * </pre>
 * An import started again on the same file (same path, size and modification time) after it was killed resumes its
 * job from the last committed batch.
 */
@ApplicationScoped
@Unremovable // looked up by QuotewireMain only when the process is a command
public class BulkCommand {

    public static final String USAGE = "usage: import FILE --format " + String.join("|", ImportFormat.names().split(", "))
            + "  |  export FILE [--format ndjson|csv]";

    private final ImportJobs jobs;
    private final Importer importer;
    private final Exporter exporter;
    private final ImportConfig config;

    public BulkCommand(ImportJobs jobs, Importer importer, Exporter exporter, ImportConfig config) {
        this.jobs = jobs;
        this.importer = importer;
        this.exporter = exporter;
        this.config = config;
    }

    public static boolean isCommand(String... args) {
        return args.length > 0 && (args[0].equals("import") || args[0].equals("export"));
    }

    /** Runs the command; the process exit status. */
    public int run(String... args) throws Exception {
        PrintStream err = System.err;
        if (args.length < 2) {
            err.println(USAGE);
            return 2;
        }
        String format = null;
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--format") && i + 1 < args.length) {
                format = args[++i];
            } else {
                err.println("unknown argument " + args[i] + "\n" + USAGE);
                return 2;
            }
        }
        Path file = Path.of(args[1]);
        return args[0].equals("import") ? importFile(file, format, err) : exportFile(file, format, err);
    }

    private int importFile(Path file, String formatName, PrintStream err) throws Exception {
        ImportFormat format = formatName == null ? null : ImportFormat.byName(formatName);
        if (format == null) {
            err.println("--format must be one of " + ImportFormat.names());
            return 2;
        }
        if (!Files.isReadable(file) || Files.isDirectory(file)) {
            err.println("cannot read " + file);
            return 2;
        }
        try (RecordReader reader = RecordReader.open(file, format, config.maxLineBytes())) {
            reader.checkFormat();
        } catch (BadRecord e) {
            err.println(file + " is not a " + format.wireName() + " file: " + e.getMessage() + "\nNothing was imported.");
            return 1;
        }
        Path absolute = file.toAbsolutePath().normalize();
        String identity = absolute + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        Optional<ImportJobs.Job> unfinished = jobs.findUnfinishedByIdentity(identity, format);
        UUID id;
        if (unfinished.isPresent()) {
            id = unfinished.get().id();
            err.printf("Resuming import %s after line %,d%n", id, unfinished.get().recordsDone());
        } else {
            id = jobs.createJob(format, absolute.toString(), identity, Files.size(file));
            err.printf("Import %s of %s (%s)%n", id, file, format.wireName());
        }
        ProgressBar bar = new ProgressBar(err, System.console() != null);
        Importer.Progress[] last = new Importer.Progress[1];
        Importer.Result result;
        Importer.Listener listener = new Importer.Listener() {
            @Override
            public void onBatch(Importer.Progress progress) {
                last[0] = progress;
                bar.onBatch(progress);
            }

            @Override
            public void onLoad(long lines) {
                bar.finish(last[0]);
                err.printf(Locale.ROOT, "Loading the %,d lines into the empty database (staged in %.1f s): one transaction, then its indexes are built%n",
                        lines, last[0] == null ? 0 : last[0].seconds());
            }
        };
        while ((result = importer.run(id, listener)) == Importer.Result.BUSY) {
            err.println("Another import is running; waiting for it to finish");
            Thread.sleep(5000);
        }
        bar.finish(last[0]);
        ImportJobView view = jobs.findJobView(id).orElseThrow();
        err.printf("%s: %,d lines, %,d quotes created, %,d merged, %,d appearances added, %,d lines skipped, %.0f quotes/s%n", view.state(),
                view.counts().records(), view.counts().quotesCreated(), view.counts().quotesMerged(), view.counts().appearancesAdded(),
                view.counts().skipped(), view.rate());
        if (view.failure() != null) {
            err.println(view.failure());
        }
        view.errors().stream().limit(20).forEach(e -> err.printf("  line %d: %s%n", e.line(), e.reason()));
        return result == Importer.Result.SUCCEEDED ? 0 : 1;
    }

    /**
     * gzip at its fastest level: at the default level compressing took half of a 1 M-quote NDJSON export (54 s against
     * 30 s without it); the fastest makes a file about a fifth larger.
     */
    private static OutputStream fastGzip(OutputStream raw) throws java.io.IOException {
        return new GZIPOutputStream(raw, 1 << 16) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_SPEED);
            }
        };
    }

    private int exportFile(Path file, String formatName, PrintStream err) throws Exception {
        Exporter.Format format = formatName == null || formatName.equals("ndjson") ? Exporter.Format.NDJSON
                : formatName.equals("csv") ? Exporter.Format.CSV : null;
        if (format == null) {
            err.println("--format must be ndjson or csv");
            return 2;
        }
        long started = System.nanoTime();
        long count;
        try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                OutputStream out = file.toString().endsWith(".gz") ? fastGzip(raw) : raw) {
            count = exporter.export(QuoteFilterSql.of(new QuoteFilter()), format, out);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        err.printf("Exported %,d quotes to %s in %.1f s (%,.0f quotes/s)%n", count, file, seconds, count / seconds);
        return 0;
    }
}
