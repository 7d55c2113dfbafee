package io.quotewire.bulk;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Opens an import file as a stream of its text, whatever it is compressed with: gzip and bzip2 are recognised by
 * their first bytes (not by the file name: a spooled upload has none), anything else is read as it is. Memory use
 * is the decompressor's window, whatever the size of the file.
 */
final class InputFiles {

    private static final int BUFFER = 1 << 16;

    private InputFiles() {
    }

    /** An open file and how many of its (compressed) bytes have been read, for the progress shown. */
    static final class Opened implements AutoCloseable {
        private final CountingStream raw;
        final InputStream text;
        final String compression;

        private Opened(CountingStream raw, InputStream text, String compression) {
            this.raw = raw;
            this.text = text;
            this.compression = compression;
        }

        long bytesRead() {
            return raw.count;
        }

        @Override
        public void close() throws IOException {
            text.close();
        }
    }

    static Opened open(Path file) throws IOException {
        CountingStream raw = new CountingStream(Files.newInputStream(file));
        BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
        buffered.mark(4);
        byte[] magic = buffered.readNBytes(3);
        buffered.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new Opened(raw, new BufferedInputStream(new GZIPInputStream(buffered, BUFFER), BUFFER), "gzip");
        }
        if (magic.length == 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            // several concatenated bzip2 streams, as parallel compressors write them, are one file
            return new Opened(raw, new BufferedInputStream(new BZip2CompressorInputStream(buffered, true), BUFFER), "bzip2");
        }
        return new Opened(raw, buffered, "none");
    }

    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
