package io.quotewire.bulk;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive lines, written in one transaction with the checkpoint after its last line: the rows they
 * became and the lines refused while reading them.
 */
final class Batch {

    record Refused(long line, String reason) {
    }

    record Entry(long line, Rows.Parsed rows) {
    }

    final List<Entry> entries = new ArrayList<>();
    final List<Refused> refused = new ArrayList<>();
    /** The number of the last line (CSV: row) the batch covers; the checkpoint after it is written. */
    long lastLine;
    /** Compressed bytes of the file read up to the end of this batch, for progress. */
    long bytesRead;
    int quoteRows;
    long weight;

    void add(long line, Rows.Parsed rows) {
        entries.add(new Entry(line, rows));
        quoteRows += rows.quotes().size();
        for (Rows.QuoteRow quote : rows.quotes()) {
            weight += 200 + quote.text().length() + (quote.context() == null ? 0 : quote.context().length()) + 100L * quote.appearances().size();
        }
        for (Rows.SourceRow source : rows.sources()) {
            weight += 200 + (source.text() == null ? 0 : source.text().length());
        }
        weight += 100L * rows.speakers().size();
    }

    void refuse(long line, String reason) {
        refused.add(new Refused(line, reason));
    }

    /** The same lines, one per batch: how a batch the database refused as a whole is retried to find its bad line. */
    List<Batch> split() {
        List<Batch> singles = new ArrayList<>();
        for (Entry entry : entries) {
            Batch single = new Batch();
            single.add(entry.line(), entry.rows());
            single.lastLine = entry.line();
            singles.add(single);
        }
        return singles;
    }
}
