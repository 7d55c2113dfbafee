package io.quotewire.quote;

import io.quotewire.api.params.QueryValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of GET /api/v1/quotes as one SQL condition on {@code quote q} with positional parameters, for the
 * readers that stream with plain JDBC (the bulk export). Same meaning as QuoteRepository's HQL conditions; every
 * value is checked (a 400 naming the parameter) when this is made, before any response is started.
 */
public record QuoteFilterSql(String where, List<Object> parameters) {

    public static QuoteFilterSql of(QuoteFilter filter) {
        List<String> clauses = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        if (filter.query() != null) {
            clauses.add("quote_matches(q.search, ?)");
            parameters.add(filter.query());
        }
        if (filter.speaker != null && !filter.speaker.isEmpty()) {
            if (QueryValues.looksLikeUuid(filter.speaker)) {
                clauses.add("q.speaker_id = ?");
                parameters.add(QueryValues.uuid(filter.speaker, "speaker"));
            } else {
                clauses.add("q.speaker_id = (select s.id from speaker s where s.slug = ?)");
                parameters.add(filter.speaker);
            }
        }
        if (filter.sourceId() != null) {
            clauses.add("q.source_id = ?");
            parameters.add(filter.sourceId());
        }
        for (List<String> group : filter.tagGroups()) {
            clauses.add("exists (select 1 from quote_tag qt join tag t on t.id = qt.tag_id where qt.quote_id = q.id and t.slug = any(?))");
            parameters.add(group.toArray(String[]::new));
        }
        if (filter.type() != null) {
            clauses.add("q.type = ?");
            parameters.add(filter.type().wireValue());
        }
        if (filter.status() != null) {
            clauses.add("q.status = ?");
            parameters.add(filter.status().wireValue());
        }
        if (filter.from() != null) {
            clauses.add("q.quoted_on >= ?");
            parameters.add(filter.from());
        }
        if (filter.to() != null) {
            clauses.add("q.quoted_on <= ?");
            parameters.add(filter.to());
        }
        if (filter.minLength() != null) {
            clauses.add("q.length >= ?");
            parameters.add(filter.minLength());
        }
        if (filter.maxLength() != null) {
            clauses.add("q.length <= ?");
            parameters.add(filter.maxLength());
        }
        if (filter.language != null) {
            clauses.add("q.language = ?");
            parameters.add(filter.language);
        }
        return new QuoteFilterSql(clauses.isEmpty() ? "true" : String.join(" and ", clauses), List.copyOf(parameters));
    }

    /** Whether the filter selects every quote. */
    public boolean isEmpty() {
        return parameters.isEmpty() && where.equals("true");
    }
}
