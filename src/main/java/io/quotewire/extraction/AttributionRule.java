package io.quotewire.extraction;

/**
 * The named rules that attribute a quote to a speaker. Each has a stable id (the {@code rule} of the
 * API's extracted quotes, listed in docs/EXTRACTION.md), the rough confidence of an attribution it
 * makes, and what it reads.
 */
public enum AttributionRule {
    QUOTE_VERB_SPEAKER("quote-verb-speaker", 0.95, "Inverted attribution after the quote: \"…,\" said Ana Berg"),
    QUOTE_SPEAKER_VERB("quote-speaker-verb", 0.95, "Attribution after the quote: \"…,\" she said"),
    QUOTE_ACCORDING_TO("quote-according-to", 0.85, "\"…,\" according to Ana Berg"),
    SPEAKER_VERB_INTRO("speaker-verb-intro", 0.9, "Speech verb and speaker before a colon or comma: Berg said: \"…\""),
    SPEAKER_VERB_PARTIAL("speaker-verb-partial", 0.8, "Partial quote inside the speaker's sentence: Berg called it \"a mistake\""),
    POSSESSOR_STATEMENT("possessor-statement", 0.7, "Quote in the that-clause of someone's statement: Berg's statement that … \"…\""),
    SENTENCE_SUBJECT_INTRO("sentence-subject-intro", 0.6, "Quote introduced by a colon or comma takes the sentence subject"),
    REPORTED("reported", 0.8, "Reported speech: X said (that) …, X told Y …, X urged Y to …, …, adding that …"),
    ACCORDING_TO("according-to", 0.75, "Reported speech framed by according to X"),
    MULTI_PARAGRAPH("multi-paragraph", 0.7, "A segment of a quote running over paragraphs takes the speaker of its other segments"),
    SAME_PARAGRAPH("same-paragraph", 0.7, "An unattributed quote takes the speaker of the split quote or speech next to it in its paragraph"),
    CONTINUATION("continuation", 0.65, "A paragraph of quotation only continues the last speaker of the paragraph before"),
    HEADLINE_ECHO("headline-echo", 0.7, "A headline quote takes the speaker of the body quote it repeats"),
    UNATTRIBUTED("unattributed", 0.3, "No speaker in the text: the speaker is null, never a guess");

    private final String id;
    private final double confidence;
    private final String description;

    AttributionRule(String id, double confidence, String description) {
        this.id = id;
        this.confidence = confidence;
        this.description = description;
    }

    /** The stable id, as the API and the evaluation report it. */
    public String id() {
        return id;
    }

    public double confidence() {
        return confidence;
    }

    public String description() {
        return description;
    }

    /** Whether the rule gives a quote the speaker of another attribution. */
    boolean inherits() {
        return this == MULTI_PARAGRAPH || this == SAME_PARAGRAPH || this == CONTINUATION;
    }
}
