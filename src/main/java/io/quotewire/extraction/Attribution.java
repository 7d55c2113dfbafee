package io.quotewire.extraction;

/**
 * Who said something, as the text states it next to a quote or reported clause, before the mention
 * is resolved to a speaker by {@link SpeakerResolver}.
 */
final class Attribution {

    private final Mention mention;
    private final String verb;
    private final AttributionRule rule;
    private final boolean setsFocus;
    private final Paragraph paragraph;
    private SpeakerEntity speaker;

    /**
     * @param setsFocus false for mentions that do not make the person the topic of the following text,
     *                  such as a possessor ("Dar’s statement that …"); "he said" never refers back to those
     */
    Attribution(Mention mention, String verb, AttributionRule rule, boolean setsFocus, Paragraph paragraph) {
        this.mention = mention;
        this.verb = verb;
        this.rule = rule;
        this.setsFocus = setsFocus;
        this.paragraph = paragraph;
    }

    Mention mention() {
        return mention;
    }

    String verb() {
        return verb;
    }

    AttributionRule rule() {
        return rule;
    }

    boolean setsFocus() {
        return setsFocus;
    }

    Paragraph paragraph() {
        return paragraph;
    }

    int position() {
        return mention.start();
    }

    SpeakerEntity speaker() {
        return speaker;
    }

    void resolveTo(SpeakerEntity entity) {
        this.speaker = entity;
    }
}
