package io.quotewire.extraction;

/** An indirect quotation: the reported clause (char offsets) and who reported it. */
record ReportedClause(int start, int end, Attribution attribution) {
}
