package io.quotewire.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Quotebank's quotation-centric files (quotes-YYYY.json.bz2): one unique quotation per line with its most likely
 * speaker and every URL it was seen at. The quote becomes one quote with one appearance per URL; each URL a source.
 */
final class QuotebankQuotes implements LineParser {

    /** Quotebank's word for "no speaker". */
    static final String NO_SPEAKER = "None";

    @Override
    public void checkFormat(String firstRecord) throws BadRecord {
        JsonLines.requireFields(firstRecord, "Quotebank quotation-centric", "quoteID", "quotation", "urls");
    }

    @Override
    public Rows.Parsed parse(String line, long lineNumber) throws BadRecord {
        JsonNode node = JsonLines.object(line);
        String quoteId = JsonFields.required(node, "quoteID", 100);
        String text = JsonFields.required(node, "quotation", JsonFields.MAX_QUOTE);
        String name = speakerName(JsonFields.text(node, "speaker", JsonFields.MAX_NAME));
        List<String> qids = JsonFields.strings(node, "qids", 20);
        for (String qid : qids) {
            JsonFields.wikidataId(qid, "qids");
        }
        // Quotebank lists every Wikidata item bearing the name; only a single one identifies the speaker
        String wikidataId = name != null && qids.size() == 1 ? qids.get(0) : null;
        var date = JsonFields.looseInstant(node, "date");
        LocalDate day = date == null ? null : LocalDate.ofInstant(date, ZoneOffset.UTC);
        Double confidence = name == null ? null : probabilityOf(node.get("probas"), name, "probas");
        JsonFields.integer(node, "numOccurrences");
        List<String> urls = new ArrayList<>(new LinkedHashSet<>(JsonFields.strings(node, "urls", JsonFields.MAX_URL)));
        if (urls.isEmpty()) {
            throw new BadRecord("urls is empty: a quote needs at least one source");
        }
        Speakers.Named speaker = Speakers.named(name, wikidataId);
        List<Rows.SourceRow> sources = new ArrayList<>();
        List<Rows.AppearanceRow> appearances = new ArrayList<>();
        for (String url : urls) {
            JsonFields.url(url, "urls");
            Rows.SourceRow source = Sources.byUrl(url, null, null, "en");
            sources.add(source);
            appearances.add(new Rows.AppearanceRow(null, source.id(), null, null, null, day, null));
        }
        Rows.QuoteRow quote = new Rows.QuoteRow(lineNumber, Ids.quote(speaker.key(), text), text, "direct", speaker.id(), sources.get(0).id(),
                null, null, null, "en", "unverified", day, confidence, Map.of("quotebank", quoteId), null, List.of(), 0, null, null, false,
                appearances);
        return Rows.Parsed.of(speaker.row() == null ? List.of() : List.of(speaker.row()), sources, List.of(quote));
    }

    static String speakerName(String name) {
        return name == null || NO_SPEAKER.equals(name) ? null : name;
    }

    /**
     * The probability Quotebank gives the speaker: {@code probas} is a list of [name, probability] pairs (also
     * accepted as objects with speaker and proba).
     */
    static Double probabilityOf(JsonNode probas, String name, String field) throws BadRecord {
        if (probas == null || probas.isNull()) {
            return null;
        }
        if (!probas.isArray()) {
            throw new BadRecord(field + " must be an array of [speaker, probability] pairs");
        }
        for (JsonNode pair : probas) {
            JsonNode who;
            JsonNode p;
            if (pair.isArray() && pair.size() >= 2) {
                who = pair.get(0);
                p = pair.get(1);
            } else if (pair.isObject()) {
                who = pair.get("speaker");
                p = pair.get("proba");
            } else {
                throw new BadRecord(field + " must be an array of [speaker, probability] pairs");
            }
            Double probability = JsonFields.probability(p, field);
            if (who != null && who.isTextual() && name.equals(who.asText().strip())) {
                return probability;
            }
        }
        return null;
    }
}
