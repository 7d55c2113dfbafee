package io.quotewire.extraction;

/**
 * A quote found while reading, before speakers are settled. A direct quote without an attribution of
 * its own may later inherit one from its paragraph or the paragraph before.
 */
final class QuoteCandidate {

    private final QuoteType type;
    private final int start;
    private final int end;
    private final Sentence sentence;
    private final QuotedSpan span;
    private Attribution attribution;
    private AttributionRule rule;

    QuoteCandidate(QuoteType type, int start, int end, Sentence sentence, QuotedSpan span, Attribution attribution) {
        this.type = type;
        this.start = start;
        this.end = end;
        this.sentence = sentence;
        this.span = span;
        this.attribution = attribution;
        this.rule = attribution == null ? AttributionRule.UNATTRIBUTED : attribution.rule();
    }

    QuoteType type() {
        return type;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    Sentence sentence() {
        return sentence;
    }

    Paragraph paragraph() {
        return sentence.paragraph();
    }

    QuotedSpan span() {
        return span;
    }

    Attribution attribution() {
        return attribution;
    }

    AttributionRule rule() {
        return rule;
    }

    boolean attributed() {
        return attribution != null;
    }

    void inherit(Attribution source, AttributionRule inheritanceRule) {
        this.attribution = source;
        this.rule = inheritanceRule;
    }
}
