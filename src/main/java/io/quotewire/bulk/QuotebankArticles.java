package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quotebank's article-centric files (quotebank-YYYY.json.bz2): one article per line, its text in {@code content} and
 * its quotations with their place in it. The article becomes a source with its text; each quotation a quote anchored
 * in it, its token offset turned into the code-point offsets the rest of Quotewire uses.
 *
 * <p>{@code quotationOffset} counts whitespace-separated tokens of {@code content} (early Quotebank text is
 * lower-cased and tokenised, so punctuation stands as its own token). The tokens from there, as many as the
 * quotation has, must spell the quotation (case and runs of whitespace aside): otherwise the line is refused, since
 * a quote whose offsets do not select it cannot be checked by anyone.
 */
final class QuotebankArticles implements LineParser {

    @Override
    public void checkFormat(String firstRecord) throws BadRecord {
        JsonLines.requireFields(firstRecord, "Quotebank article-centric", "articleID", "content", "quotations");
    }

    @Override
    public Rows.Parsed parse(String line, long lineNumber) throws BadRecord {
        JsonNode node = JsonLines.object(line);
        String articleId = JsonFields.required(node, "articleID", 200);
        String content = rawText(node, "content");
        String url = JsonFields.url(JsonFields.text(node, "url", JsonFields.MAX_URL), "url");
        String title = JsonFields.text(node, "title", JsonFields.MAX_TITLE);
        Instant date = JsonFields.looseInstant(node, "date");
        LocalDate day = date == null ? null : LocalDate.ofInstant(date, ZoneOffset.UTC);
        if (title == null) {
            title = firstWords(content);
        }
        Rows.SourceRow source = new Rows.SourceRow(Ids.source(url != null ? url : "quotebank-article:" + articleId), "article", title, url,
                url == null ? null : JsonFields.host(url), List.of(), date, "en", content, 0, null, null, false);
        JsonNode quotations = node.get("quotations");
        if (quotations == null || !quotations.isArray()) {
            throw new BadRecord("quotations must be an array");
        }
        Tokens tokens = Tokens.of(content);
        Map<UUID, Rows.SpeakerRow> speakers = new HashMap<>();
        List<Rows.QuoteRow> quotes = new ArrayList<>();
        int index = 0;
        for (JsonNode quotation : quotations) {
            String field = "quotations[" + index++ + "]";
            if (!quotation.isObject()) {
                throw new BadRecord(field + " must be an object");
            }
            String text = JsonFields.required(quotation, "quotation", JsonFields.MAX_QUOTE);
            Integer offset = JsonFields.integer(quotation, "quotationOffset");
            if (offset == null) {
                throw new BadRecord(field + ".quotationOffset is missing");
            }
            int[] span = tokens.span(offset, text.split("\\s+").length);
            if (span == null) {
                throw new BadRecord(field + ".quotationOffset " + offset + " is past the end of content (" + tokens.count() + " tokens)");
            }
            String spanned = content.substring(span[0], span[1]);
            // the tokens may carry the quotation marks (or other punctuation) around the words: the quotation is found
            // inside them, case and runs of whitespace aside
            Matcher words = wordsOf(text).matcher(spanned);
            if (!words.find()) {
                throw new BadRecord(field + ".quotationOffset " + offset + " selects \"" + abbreviate(spanned) + "\", not the quotation \""
                        + abbreviate(text) + "\"");
            }
            String selected = spanned.substring(words.start(), words.end());
            int start = content.codePointCount(0, span[0] + words.start());
            int end = start + selected.codePointCount(0, selected.length());
            String name = QuotebankQuotes.speakerName(JsonFields.text(quotation, "globalTopSpeaker", JsonFields.MAX_NAME));
            Double confidence = name == null ? null : QuotebankQuotes.probabilityOf(quotation.get("globalProbas"), name, field + ".globalProbas");
            Speakers.Named speaker = Speakers.named(name, null);
            if (speaker.row() != null) {
                speakers.putIfAbsent(speaker.id(), speaker.row());
            }
            String context = context(JsonFields.text(quotation, "leftContext", JsonFields.MAX_CONTEXT), selected,
                    JsonFields.text(quotation, "rightContext", JsonFields.MAX_CONTEXT));
            String quoteId = JsonFields.text(quotation, "quoteID", 100);
            // the quote's text is the source's own characters, so that its offsets select exactly it
            quotes.add(new Rows.QuoteRow(lineNumber, Ids.quote(speaker.key(), selected), selected, "direct", speaker.id(), source.id(), context,
                    start, end, "en", "unverified", day, confidence, quoteId == null ? Map.of() : Map.of("quotebank", quoteId), null, List.of(),
                    0, null, null, false, List.of(new Rows.AppearanceRow(null, source.id(), start, end, context, day, null))));
        }
        return Rows.Parsed.of(List.copyOf(speakers.values()), List.of(source), quotes);
    }

    private static String rawText(JsonNode node, String field) throws BadRecord {
        String text = JsonFields.required(node, field, JsonFields.MAX_SOURCE_TEXT);
        return text;
    }

    /** The quotation's words in order, any whitespace between them, any case. */
    static Pattern wordsOf(String quotation) {
        StringBuilder regex = new StringBuilder();
        for (String word : quotation.strip().split("\\s+")) {
            if (!regex.isEmpty()) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(word));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static String context(String left, String quote, String right) {
        String context = ((left == null ? "" : left + " ") + quote + (right == null ? "" : " " + right)).strip();
        return context.length() > JsonFields.MAX_CONTEXT ? quote.length() <= JsonFields.MAX_CONTEXT ? quote : null : context;
    }

    private static String firstWords(String content) {
        String first = content.strip().split("\n", 2)[0];
        return first.length() > 120 ? first.substring(0, 120).strip() + "…" : first;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    /** The whitespace-separated tokens of a text, as char ranges. */
    record Tokens(int[] starts, int[] ends) {
        static Tokens of(String text) {
            List<int[]> ranges = new ArrayList<>();
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
                ranges.add(new int[] {start, i});
            }
            int[] starts = new int[ranges.size()];
            int[] ends = new int[ranges.size()];
            for (int k = 0; k < ranges.size(); k++) {
                starts[k] = ranges.get(k)[0];
                ends[k] = ranges.get(k)[1];
            }
            return new Tokens(starts, ends);
        }

        int count() {
            return starts.length;
        }

        /** The chars of {@code length} tokens from token {@code first}, or null when they run past the end. */
        int[] span(int first, int length) {
            if (first < 0 || length < 1 || first + length > starts.length) {
                return null;
            }
            return new int[] {starts[first], ends[first + length - 1]};
        }
    }
}
