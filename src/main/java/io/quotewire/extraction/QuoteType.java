package io.quotewire.extraction;

/** DIRECT: words inside quotation marks. INDIRECT: reported speech ("she said that ..."). */
public enum QuoteType {
    DIRECT,
    INDIRECT
}
