package io.quotewire.extraction;

/**
 * One quotation found in an article.
 *
 * @param text           the quoted words exactly as in the article
 * @param start          start offset in Unicode code points (Python str index) into the article text
 * @param end            end offset (exclusive) in code points; see {@link CodePointOffsets#substring}
 * @param type           direct (inside quotation marks) or indirect (reported speech)
 * @param cueVerb        the speech verb that attributes the quote ("said", "urged"), or null
 * @param speakerMention the speaker as written at the attribution ("he", "Mr Patel"), or null
 * @param speaker        the resolved speaker, or null when the article does not name one
 * @param rule           the attribution rule that fired; its {@link AttributionRule#confidence()} is the
 *                       rough confidence of the attribution
 * @param context        the sentence (or sentences) the quote stands in
 */
public record ExtractedQuote(
        String text,
        int start,
        int end,
        QuoteType type,
        String cueVerb,
        String speakerMention,
        ExtractedSpeaker speaker,
        AttributionRule rule,
        String context) {

    /** Rough confidence in [0, 1] of the attribution: that of the rule that made it. */
    public double confidence() {
        return rule.confidence();
    }
}
