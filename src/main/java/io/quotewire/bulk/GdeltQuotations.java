package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import io.quotewire.extraction.Article;
import io.quotewire.extraction.ExtractedQuote;
import io.quotewire.extraction.QuoteExtractor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The GDELT Global Quotation Graph: one article per line ({@code date}, {@code url}, {@code lang}, {@code title}) with
 * its quoted statements, each with the text just before and after it ({@code quotes[{pre, quote, post}]}). GDELT names
 * no speaker; our own extractor reads {@code pre + quote + post} (the quote between quotation marks) and names the
 * speaker when one of its rules attributes that quote, keeping the rule and its confidence. When none does, the
 * quote has no speaker.
 */
final class GdeltQuotations implements LineParser {

    private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
    private static final String OPEN = "\u201c";
    private static final String CLOSE = "\u201d";

    private final QuoteExtractor extractor = new QuoteExtractor();

    @Override
    public void checkFormat(String firstRecord) throws BadRecord {
        JsonLines.requireFields(firstRecord, "GDELT Global Quotation Graph", "url", "quotes");
    }

    @Override
    public Rows.Parsed parse(String line, long lineNumber) throws BadRecord {
        JsonNode node = JsonLines.object(line);
        String url = JsonFields.url(JsonFields.required(node, "url", JsonFields.MAX_URL), "url");
        Instant date = JsonFields.looseInstant(node, "date");
        LocalDate day = date == null ? null : LocalDate.ofInstant(date, ZoneOffset.UTC);
        String lang = JsonFields.text(node, "lang", 20);
        String language = lang != null && LANGUAGE.matcher(lang).matches() ? lang : null;
        Rows.SourceRow source = Sources.byUrl(url, JsonFields.text(node, "title", JsonFields.MAX_TITLE), date, language);
        JsonNode quotes = node.get("quotes");
        if (quotes == null || !quotes.isArray()) {
            throw new BadRecord("quotes must be an array");
        }
        Map<UUID, Rows.SpeakerRow> speakers = new HashMap<>();
        List<Rows.QuoteRow> rows = new ArrayList<>();
        int index = 0;
        for (JsonNode item : quotes) {
            String field = "quotes[" + index++ + "]";
            if (!item.isObject()) {
                throw new BadRecord(field + " must be an object");
            }
            String text = JsonFields.required(item, "quote", JsonFields.MAX_QUOTE);
            String pre = raw(item, "pre", field);
            String post = raw(item, "post", field);
            Attribution attribution = attribute(pre, text, post);
            Speakers.Named speaker = Speakers.named(attribution == null ? null : attribution.name(), null);
            if (speaker.row() != null) {
                speakers.putIfAbsent(speaker.id(), speaker.row());
            }
            String context = JsonFields.checked(pre + text + post, field, Integer.MAX_VALUE);
            if (context != null && context.length() > JsonFields.MAX_CONTEXT) {
                context = text.length() <= JsonFields.MAX_CONTEXT ? text : null;
            }
            rows.add(new Rows.QuoteRow(lineNumber, Ids.quote(speaker.key(), text), text, "direct", speaker.id(), source.id(), context, null, null,
                    language, "unverified", day, attribution == null ? null : attribution.confidence(), Map.of(),
                    attribution == null ? null : attribution.rule(), List.of(), 0, null, null, false,
                    List.of(new Rows.AppearanceRow(null, source.id(), null, null, context, day, null))));
        }
        return Rows.Parsed.of(List.copyOf(speakers.values()), List.of(source), rows);
    }

    private static String raw(JsonNode item, String name, String field) throws BadRecord {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isTextual()) {
            throw new BadRecord(field + "." + name + " must be a string");
        }
        if (value.asText().length() > JsonFields.MAX_CONTEXT) {
            throw new BadRecord(field + "." + name + " is longer than " + JsonFields.MAX_CONTEXT + " characters");
        }
        return value.asText();
    }

    record Attribution(String name, String rule, double confidence) {
    }

    /** The speaker our extractor gives the quote in its context, or null when it cannot tell. */
    Attribution attribute(String pre, String quote, String post) {
        String before = pre.stripTrailing();
        boolean opened = before.endsWith("\"") || before.endsWith(OPEN) || before.endsWith("'");
        String after = post.stripLeading();
        boolean closed = after.startsWith("\"") || after.startsWith(CLOSE) || after.startsWith("'");
        String text = pre + (opened ? "" : OPEN) + quote + (closed ? "" : CLOSE) + post;
        int start = text.codePointCount(0, pre.length() + (opened ? 0 : OPEN.length()));
        int end = start + quote.codePointCount(0, quote.length());
        for (ExtractedQuote found : extractor.extract(Article.ofText(text)).quotes()) {
            boolean overlaps = found.start() < end && found.end() > start;
            if (overlaps && found.speaker() != null && found.speaker().name() != null && !found.speaker().name().isBlank()
                    && found.speaker().name().length() <= JsonFields.MAX_NAME) {
                return new Attribution(found.speaker().name().strip(), found.rule() == null ? null : found.rule().id(), Math.round(found.confidence() * 1000) / 1000.0);
            }
        }
        return null;
    }
}
