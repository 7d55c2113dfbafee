package io.quotewire.bulk;

/** Turns one line of a JSON-lines format into rows. */
interface LineParser {

    /**
     * Whether the file's first record is of this format at all; a file that is not is refused before anything is
     * written, where a malformed line later in a file of the right format is only skipped.
     *
     * @throws BadRecord saying why the record is not of this format
     */
    void checkFormat(String firstRecord) throws BadRecord;

    Rows.Parsed parse(String line, long lineNumber) throws BadRecord;
}
