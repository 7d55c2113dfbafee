package io.quotewire.bulk;

import java.io.IOException;
import java.nio.file.Path;

/** The records of an import file, one after the other, each turned into rows or refused with its reason. */
abstract class RecordReader implements AutoCloseable {

    /** The record numbered {@code number} (its line, or for CSV its row), or why it cannot be imported. */
    record Item(long number, long line, Rows.Parsed rows, String problem) {
    }

    /** The biggest line (or CSV row) an import reads; a longer one is refused, and memory stays bounded. */
    static final int DEFAULT_MAX_LINE_BYTES = 8 * 1024 * 1024;

    static RecordReader open(Path file, ImportFormat format, int maxLineBytes) throws IOException {
        return format == ImportFormat.CSV ? new CsvRecords(file, maxLineBytes) : new JsonLineRecords(file, format, maxLineBytes);
    }

    /**
     * Refuses a file that is not of the format at all, judged by its first record, before anything is written.
     *
     * @throws BadRecord saying why
     */
    abstract void checkFormat() throws BadRecord, IOException;

    /** Passes over the first {@code records} records without reading them into rows (a resumed import). */
    abstract void skip(long records) throws IOException;

    /** The next record, or null at the end of the file. */
    abstract Item next() throws IOException;

    /** How many bytes of the file (compressed, as stored) have been read. */
    abstract long bytesRead();

    @Override
    public abstract void close() throws IOException;

    private static final class JsonLineRecords extends RecordReader {
        private final Path file;
        private final LineParser parser;
        private final int maxLineBytes;
        private final InputFiles.Opened opened;
        private final BoundedLines lines;

        JsonLineRecords(Path file, ImportFormat format, int maxLineBytes) throws IOException {
            this.file = file;
            this.parser = format.lineParser();
            this.maxLineBytes = maxLineBytes;
            this.opened = InputFiles.open(file);
            this.lines = new BoundedLines(opened.text, maxLineBytes);
        }

        @Override
        void checkFormat() throws BadRecord, IOException {
            try (InputFiles.Opened probe = InputFiles.open(file)) {
                BoundedLines first = new BoundedLines(probe.text, maxLineBytes);
                BoundedLines.Line line;
                while ((line = first.next()) != null) {
                    if (line.problem() != null) {
                        throw new BadRecord("line " + line.number() + ": " + line.problem());
                    }
                    if (!line.text().isBlank()) {
                        try {
                            parser.checkFormat(line.text());
                        } catch (BadRecord e) {
                            throw new BadRecord("line " + line.number() + ": " + e.getMessage());
                        }
                        return;
                    }
                }
                throw new BadRecord("the file holds no records");
            } catch (java.io.EOFException | java.util.zip.ZipException e) {
                throw new BadRecord("the file is cut short or not the compressed data it starts like: " + e.getMessage());
            }
        }

        @Override
        void skip(long records) throws IOException {
            for (long i = 0; i < records && lines.skip(); i++) {
                // counted by the reader
            }
        }

        @Override
        Item next() throws IOException {
            while (true) {
                BoundedLines.Line line = lines.next();
                if (line == null) {
                    return null;
                }
                if (line.problem() != null) {
                    return new Item(line.number(), line.number(), null, line.problem());
                }
                if (line.text().isBlank()) {
                    return new Item(line.number(), line.number(), new Rows.Parsed(java.util.List.of(), java.util.List.of(), java.util.List.of(),
                            java.util.List.of()), null);
                }
                try {
                    return new Item(line.number(), line.number(), parser.parse(line.text(), line.number()), null);
                } catch (BadRecord e) {
                    return new Item(line.number(), line.number(), null, e.getMessage());
                }
            }
        }

        @Override
        long bytesRead() {
            return opened.bytesRead();
        }

        @Override
        public void close() throws IOException {
            opened.close();
        }
    }
}
