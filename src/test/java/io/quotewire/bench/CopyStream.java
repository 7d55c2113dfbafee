package io.quotewire.bench;

import io.quotewire.bulk.CopyText;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Rows in PostgreSQL's COPY text format, produced on one thread and sent by the calling thread, so that making the
 * rows and PostgreSQL's work on them overlap. Values are escaped as COPY text requires; null is {@code \N}.
 */
final class CopyStream {

    private static final int CHUNK_CHARS = 1 << 20;
    private static final byte[] END = new byte[0];

    private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + 4096);
    private final BlockingQueue<byte[]> ready = new ArrayBlockingQueue<>(8);
    private boolean firstInRow = true;

    private CopyStream() {
    }

    /** Runs {@code rows} on a producer thread and copies what it writes with {@code copySql}; returns the rows copied. */
    static long copy(CopyManager copyManager, String copySql, Consumer<CopyStream> rows) throws SQLException, InterruptedException {
        CopyStream stream = new CopyStream();
        Throwable[] failure = new Throwable[1];
        Thread producer = new Thread(() -> {
            try {
                rows.accept(stream);
                stream.flush();
            } catch (Throwable e) {
                failure[0] = e;
            } finally {
                stream.put(END);
            }
        }, "copy-rows");
        producer.start();
        CopyIn copyIn = copyManager.copyIn(copySql);
        try {
            for (byte[] bytes = stream.ready.take(); bytes != END; bytes = stream.ready.take()) {
                copyIn.writeToCopy(bytes, 0, bytes.length);
            }
            producer.join();
            if (failure[0] != null) {
                throw new IllegalStateException("making rows failed", failure[0]);
            }
            return copyIn.endCopy();
        } finally {
            if (copyIn.isActive()) {
                copyIn.cancelCopy();
            }
        }
    }

    CopyStream text(String value) {
        separate();
        if (value == null) {
            chunk.append("\\N");
        } else {
            escapeInto(value, chunk);
        }
        return this;
    }

    CopyStream uuid(UUID value) {
        separate();
        chunk.append(value);
        return this;
    }

    CopyStream number(long value) {
        separate();
        chunk.append(value);
        return this;
    }

    CopyStream nullValue() {
        separate();
        chunk.append("\\N");
        return this;
    }

    /** A text[] value: a PostgreSQL array literal with every element quoted, then escaped as COPY text. */
    CopyStream textArray(List<String> values) {
        return text(CopyText.arrayLiteral(values));
    }

    void endRow() {
        chunk.append('\n');
        firstInRow = true;
        if (chunk.length() >= CHUNK_CHARS) {
            flush();
        }
    }

    private void separate() {
        if (!firstInRow) {
            chunk.append('\t');
        }
        firstInRow = false;
    }

    private void flush() {
        if (chunk.length() > 0) {
            put(chunk.toString().getBytes(StandardCharsets.UTF_8));
            chunk.setLength(0);
        }
    }

    private void put(byte[] bytes) {
        try {
            ready.put(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to COPY", e);
        }
    }

    static void escapeInto(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
