package io.quotewire.explorer;

import io.quotewire.quote.QuoteFilter;
import jakarta.ws.rs.QueryParam;

/**
 * The search form's fields, read from the query string as the API's quote filters (q, speaker, tag, type, from, to)
 * plus the page's cursor; the same values fill the form again, so every result page is a link.
 */
public class SearchForm {

    @QueryParam("q")
    public String q;
    @QueryParam("speaker")
    public String speaker;
    @QueryParam("tag")
    public String tag;
    @QueryParam("type")
    public String type;
    @QueryParam("from")
    public String from;
    @QueryParam("to")
    public String to;
    @QueryParam("cursor")
    public String cursor;

    /** The API's filter of these fields; an empty field filters nothing. */
    QuoteFilter filter() {
        QuoteFilter filter = new QuoteFilter();
        filter.q = blankToNull(q);
        filter.speaker = blankToNull(speaker);
        filter.tag = blankToNull(tag);
        filter.type = blankToNull(type);
        filter.from = blankToNull(from);
        filter.to = blankToNull(to);
        return filter;
    }

    public String value(String name) {
        String value = switch (name) {
            case "q" -> q;
            case "speaker" -> speaker;
            case "tag" -> tag;
            case "type" -> type;
            case "from" -> from;
            case "to" -> to;
            default -> null;
        };
        return value == null ? "" : value;
    }

    public boolean isEmpty() {
        return filter().q == null && filter().speaker == null && filter().tag == null && filter().type == null
                && filter().from == null && filter().to == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
