package io.quotewire.bulk;

/** A line (or CSV row) that cannot be imported, with the reason the job reports beside its line number. */
final class BadRecord extends Exception {

    BadRecord(String reason) {
        super(reason, null, false, false);
    }
}
