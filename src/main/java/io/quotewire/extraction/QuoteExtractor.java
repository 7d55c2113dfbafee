package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Extracts attributed direct and indirect quotations from a news article.
 *
 * <p>Reading happens in three steps: find quotations and reported clauses with the attribution
 * stated in their own sentence; resolve every attribution to a named speaker (pronouns, surnames,
 * role nouns); then let unattributed quotations take the speaker of their split partner, their
 * multi-paragraph quote or the paragraph they continue. All steps are linear in the text length.
 *
 * <p>Instances are stateless and thread-safe.
 */
public final class QuoteExtractor {

    /** Shorter unattributed quotes inside narrative are scare quotes or titles, not speech. */
    private static final int MIN_UNATTRIBUTED_WORDS = 6;
    private static final int MAX_CONTEXT_MARGIN = 600;

    private final ParagraphSplitter paragraphSplitter = new ParagraphSplitter();
    private final BoilerplateLines boilerplate = new BoilerplateLines();
    private final QuotedSpanScanner spanScanner = new QuotedSpanScanner();
    private final SentenceSplitter sentenceSplitter = new SentenceSplitter();
    private final DirectAttributor directAttributor;
    private final ReportedSpeechFinder reportedSpeechFinder;

    public QuoteExtractor() {
        MentionParser parser = new MentionParser();
        SubjectFinder subjects = new SubjectFinder(parser);
        this.directAttributor = new DirectAttributor(parser, subjects);
        this.reportedSpeechFinder = new ReportedSpeechFinder(parser, subjects);
    }

    public Extraction extract(Article article) {
        String text = article.text();
        List<Sentence> sentences = new ArrayList<>();
        List<QuoteCandidate> candidates = new ArrayList<>();
        List<Attribution> attributions = new ArrayList<>();
        for (Paragraph paragraph : paragraphSplitter.split(text)) {
            if (boilerplate.isBoilerplate(text, paragraph)) {
                continue;
            }
            List<QuotedSpan> spans = spanScanner.scan(text, paragraph);
            for (Sentence sentence : sentenceSplitter.split(text, paragraph, spans)) {
                sentences.add(sentence);
                readSentence(sentence, candidates, attributions);
            }
        }
        new SpeakerResolver().resolve(sentences, attributions);
        candidates.sort(Comparator.comparingInt(QuoteCandidate::start));
        candidates = withoutOverlaps(candidates);
        SpeakerInheritance inheritance = new SpeakerInheritance(text);
        inheritance.apply(candidates);
        return toExtraction(text, candidates, inheritance);
    }

    private void readSentence(Sentence sentence, List<QuoteCandidate> candidates, List<Attribution> attributions) {
        List<Token> tokens = sentence.tokens();
        List<Attribution> direct = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isQuote()) {
                continue;
            }
            Attribution attribution = directAttributor.attribute(sentence, i);
            if (attribution != null) {
                direct.add(attribution);
                attributions.add(attribution);
            }
            QuotedSpan span = token.quote();
            candidates.add(new QuoteCandidate(QuoteType.DIRECT, span.contentStart(), span.contentEnd(), sentence, span, attribution));
        }
        for (ReportedClause clause : reportedSpeechFinder.find(sentence, direct)) {
            attributions.add(clause.attribution());
            candidates.add(new QuoteCandidate(QuoteType.INDIRECT, clause.start(), clause.end(), sentence, null, clause.attribution()));
        }
    }

    private static Extraction toExtraction(String text, List<QuoteCandidate> candidates, SpeakerInheritance inheritance) {
        CodePointOffsets offsets = new CodePointOffsets(text);
        Map<SpeakerEntity, ExtractedSpeaker> speakers = new IdentityHashMap<>();
        List<ExtractedSpeaker> speakerList = new ArrayList<>();
        List<ExtractedQuote> quotes = new ArrayList<>();
        for (QuoteCandidate candidate : candidates) {
            if (!isKept(text, candidate, inheritance)) {
                continue;
            }
            Attribution attribution = candidate.attribution();
            ExtractedSpeaker speaker = null;
            if (attribution != null && attribution.speaker() != null) {
                speaker = speakers.computeIfAbsent(attribution.speaker(), entity -> {
                    ExtractedSpeaker built = entity.toSpeaker();
                    speakerList.add(built);
                    return built;
                });
            }
            quotes.add(new ExtractedQuote(
                    text.substring(candidate.start(), candidate.end()),
                    offsets.toCodePointIndex(candidate.start()),
                    offsets.toCodePointIndex(candidate.end()),
                    candidate.type(),
                    attribution == null ? null : attribution.verb(),
                    attribution == null ? null : attribution.mention().text(),
                    speaker,
                    candidate.rule(),
                    context(text, candidate)));
        }
        return new Extraction(quotes, speakerList);
    }

    /**
     * Reported clauses can nest ("X urged Y to …, according to Z"); quotes must not overlap, so the
     * inner, more specific clause is kept.
     */
    private static List<QuoteCandidate> withoutOverlaps(List<QuoteCandidate> sorted) {
        List<QuoteCandidate> kept = new ArrayList<>();
        for (QuoteCandidate candidate : sorted) {
            QuoteCandidate last = kept.isEmpty() ? null : kept.get(kept.size() - 1);
            if (last == null || candidate.start() >= last.end()) {
                kept.add(candidate);
            } else if (candidate.end() - candidate.start() < last.end() - last.start()
                    && last.type() == QuoteType.INDIRECT) {
                kept.set(kept.size() - 1, candidate);
            }
        }
        return kept;
    }

    /**
     * The sentence around the quote. A run-on "sentence" (no punctuation for pages) is clipped around
     * the quote so that the contexts of many quotes in it do not add up to quadratic size.
     */
    private static String context(String text, QuoteCandidate candidate) {
        Sentence sentence = candidate.sentence();
        int start = Math.max(sentence.start(), candidate.start() - MAX_CONTEXT_MARGIN);
        int end = Math.min(sentence.end(), candidate.end() + MAX_CONTEXT_MARGIN);
        return text.substring(start, end);
    }

    /** Unattributed short quotes inside narrative are scare quotes, titles or nicknames. */
    private static boolean isKept(String text, QuoteCandidate candidate, SpeakerInheritance inheritance) {
        if (candidate.attributed() || candidate.type() == QuoteType.INDIRECT) {
            return true;
        }
        return inheritance.isQuoteOnlyParagraph(candidate.paragraph())
                || candidate.span().wordCount(text) >= MIN_UNATTRIBUTED_WORDS;
    }
}
