package io.quotewire.extraction;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives a direct quote with no attribution of its own the speaker the reader would assume:
 * <ol>
 *   <li>the other segments of its multi-paragraph quote (a paragraph left open and reopened);</li>
 *   <li>the other half of a split quote, or the reported speech before it, in the same paragraph;</li>
 *   <li>for a paragraph made only of quotation, the last speaker of the paragraph before;</li>
 *   <li>for a quote in a headline, the speaker of the body quote that repeats its words.</li>
 * </ol>
 */
final class SpeakerInheritance {

    /** Headline quotes looked up in the body: a headline holds a few, whatever the text. */
    private static final int MAX_HEADLINE_QUOTES = 8;

    private static final java.util.regex.Pattern PUNCTUATION_RUN = java.util.regex.Pattern.compile("[\\s\\p{P}&&[^']]+");

    private final String text;
    private final Set<Integer> quoteOnlyParagraphs = new HashSet<>();

    SpeakerInheritance(String text) {
        this.text = text;
    }

    /** Candidates must be in document order. */
    void apply(List<QuoteCandidate> candidates) {
        Map<Integer, List<QuoteCandidate>> byParagraph = new LinkedHashMap<>();
        for (QuoteCandidate candidate : candidates) {
            byParagraph.computeIfAbsent(candidate.paragraph().index(), key -> new ArrayList<>()).add(candidate);
        }
        byParagraph.forEach((index, inParagraph) -> {
            if (isQuoteOnly(inParagraph)) {
                quoteOnlyParagraphs.add(index);
            }
        });
        Map<QuoteCandidate, List<QuoteCandidate>> chains = multiParagraphChains(byParagraph);
        Map<List<QuoteCandidate>, Attribution> chainSpeakers = new IdentityHashMap<>();
        for (List<QuoteCandidate> chain : chains.values()) {
            Attribution first = firstAttributed(chain);
            if (first != null) {
                chainSpeakers.put(chain, first);
            }
        }
        byParagraph.forEach((index, inParagraph) -> {
            Attribution[] nextDirect = nextAttributedDirect(inParagraph);
            Attribution previousInParagraph = null;
            for (int i = 0; i < inParagraph.size(); i++) {
                QuoteCandidate candidate = inParagraph.get(i);
                if (candidate.attributed() || candidate.type() != QuoteType.DIRECT) {
                    previousInParagraph = candidate.attributed() ? candidate.attribution() : previousInParagraph;
                    continue;
                }
                List<QuoteCandidate> chain = chains.get(candidate);
                Attribution fromChain = chain == null ? null : chainSpeakers.get(chain);
                if (fromChain != null) {
                    candidate.inherit(fromChain, AttributionRule.MULTI_PARAGRAPH);
                    continue;
                }
                Attribution inParagraphSource = previousInParagraph != null ? previousInParagraph : nextDirect[i];
                if (inParagraphSource != null) {
                    candidate.inherit(inParagraphSource, AttributionRule.SAME_PARAGRAPH);
                    if (chain != null) {
                        chainSpeakers.putIfAbsent(chain, inParagraphSource);
                    }
                    continue;
                }
                List<QuoteCandidate> previous = byParagraph.get(index - 1);
                if (quoteOnlyParagraphs.contains(index) && previous != null) {
                    Attribution last = lastAttributed(previous);
                    if (last != null) {
                        candidate.inherit(last, AttributionRule.CONTINUATION);
                        if (chain != null) {
                            chainSpeakers.putIfAbsent(chain, last);
                        }
                    }
                }
            }
        });
        echoHeadlines(candidates);
    }

    /**
     * "‘Cut off from our customers’ – traders fight plan": a headline quoting words the body attributes
     * ("…cut off from our customers,’ she said") is that speaker's.
     */
    private void echoHeadlines(List<QuoteCandidate> candidates) {
        Map<QuoteCandidate, String> bodyQuotes = null; // read once, and only for an article whose headline quotes
        int looked = 0;
        for (QuoteCandidate headline : candidates) {
            if (!headline.paragraph().headline() || headline.attributed() || headline.type() != QuoteType.DIRECT) {
                continue;
            }
            if (++looked > MAX_HEADLINE_QUOTES) {
                return;
            }
            String words = comparable(headline.start(), headline.end());
            if (words.isEmpty()) {
                continue;
            }
            if (bodyQuotes == null) {
                bodyQuotes = new LinkedHashMap<>();
                for (QuoteCandidate body : candidates) {
                    if (!body.paragraph().headline() && body.attributed() && body.type() == QuoteType.DIRECT) {
                        bodyQuotes.put(body, comparable(body.start(), body.end()));
                    }
                }
            }
            for (Map.Entry<QuoteCandidate, String> body : bodyQuotes.entrySet()) {
                if (body.getValue().contains(words)) {
                    headline.inherit(body.getKey().attribution(), AttributionRule.HEADLINE_ECHO);
                    break;
                }
            }
        }
    }

    /** The quoted words in lower case, without the punctuation that ends or links them. */
    private String comparable(int start, int end) {
        String words = text.substring(start, end).toLowerCase(java.util.Locale.ROOT).replace('’', '\'');
        return PUNCTUATION_RUN.matcher(words).replaceAll(" ").strip();
    }

    boolean isQuoteOnlyParagraph(Paragraph paragraph) {
        return quoteOnlyParagraphs.contains(paragraph.index());
    }

    /** Whether nothing but punctuation stands outside the paragraph's quotations. */
    private boolean isQuoteOnly(List<QuoteCandidate> inParagraph) {
        Paragraph paragraph = inParagraph.get(0).paragraph();
        int position = paragraph.start();
        for (QuoteCandidate candidate : inParagraph) {
            if (candidate.span() == null) {
                continue;
            }
            if (hasWordCharacter(position, candidate.span().open())) {
                return false;
            }
            position = Math.max(position, candidate.span().after());
        }
        return position > paragraph.start() && !hasWordCharacter(position, paragraph.end());
    }

    private boolean hasWordCharacter(int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Links a quote left open at a paragraph end to the quote that reopens the next paragraph. */
    private static Map<QuoteCandidate, List<QuoteCandidate>> multiParagraphChains(Map<Integer, List<QuoteCandidate>> byParagraph) {
        Map<QuoteCandidate, List<QuoteCandidate>> chains = new IdentityHashMap<>();
        byParagraph.forEach((index, inParagraph) -> {
            QuoteCandidate last = lastDirect(inParagraph);
            List<QuoteCandidate> next = byParagraph.get(index + 1);
            if (last == null || last.span().closed() || next == null) {
                return;
            }
            QuoteCandidate first = firstDirect(next);
            if (first == null || first.span().open() != first.paragraph().start()) {
                return;
            }
            List<QuoteCandidate> chain = chains.computeIfAbsent(last, key -> new ArrayList<>(List.of(key)));
            chain.add(first);
            chains.put(first, chain);
        });
        return chains;
    }

    private static Attribution firstAttributed(List<QuoteCandidate> chain) {
        if (chain != null) {
            for (QuoteCandidate member : chain) {
                if (member.attributed()) {
                    return member.attribution();
                }
            }
        }
        return null;
    }

    /** For each position, the attribution of the next attributed direct quote in the paragraph (one backward pass). */
    private static Attribution[] nextAttributedDirect(List<QuoteCandidate> inParagraph) {
        Attribution[] next = new Attribution[inParagraph.size()];
        Attribution following = null;
        for (int i = inParagraph.size() - 1; i >= 0; i--) {
            next[i] = following;
            QuoteCandidate candidate = inParagraph.get(i);
            if (candidate.attributed() && candidate.type() == QuoteType.DIRECT) {
                following = candidate.attribution();
            }
        }
        return next;
    }

    private static Attribution lastAttributed(List<QuoteCandidate> inParagraph) {
        for (int i = inParagraph.size() - 1; i >= 0; i--) {
            if (inParagraph.get(i).attributed()) {
                return inParagraph.get(i).attribution();
            }
        }
        return null;
    }

    private static QuoteCandidate lastDirect(List<QuoteCandidate> inParagraph) {
        for (int i = inParagraph.size() - 1; i >= 0; i--) {
            if (inParagraph.get(i).type() == QuoteType.DIRECT) {
                return inParagraph.get(i);
            }
        }
        return null;
    }

    private static QuoteCandidate firstDirect(List<QuoteCandidate> inParagraph) {
        for (QuoteCandidate candidate : inParagraph) {
            if (candidate.type() == QuoteType.DIRECT) {
                return candidate;
            }
        }
        return null;
    }
}
