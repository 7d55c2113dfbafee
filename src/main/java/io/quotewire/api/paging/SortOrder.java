package io.quotewire.api.paging;

import io.quotewire.api.json.StorableStrings;
import io.quotewire.api.json.StrictJson;
import io.quotewire.api.problem.ProblemException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A parsed {@code sort} parameter ({@code sort=-quoteCount,name}) over the fields a list documents, always
 * ending with the id so that pages are stable, and the keyset predicate that continues after a cursor position.
 */
public final class SortOrder {

    /** The kind of value a sortable field holds, so a cursor's text can be bound back to a typed parameter. */
    public enum Kind {
        // A cursor's checksum is not a secret, so a client can make one: each value must be one the database can hold.
        INSTANT(value -> StrictJson.requireFourDigitYear(Instant.parse(value))),
        INTEGER(Integer::valueOf),
        REAL(Float::valueOf),
        TEXT(value -> {
            if (!StorableStrings.isStorable(value)) {
                throw new IllegalArgumentException("not storable text");
            }
            return value;
        });

        private final Function<String, Object> parser;

        Kind(Function<String, Object> parser) {
            this.parser = parser;
        }

        Object parse(String value) {
            return parser.apply(value);
        }
    }

    /**
     * A field clients may sort by: its API name, its HQL path below the root alias (or, for a value computed by the
     * query such as a relevance rank, an HQL expression with {@code %1$s} standing for the alias), and its kind.
     */
    public record Field(String name, String path, Kind kind) {

        boolean computed() {
            return path.contains("%1$s");
        }

        String expression(String alias) {
            return computed() ? String.format(path, alias) : alias + "." + path;
        }
    }

    private record Term(Field field, boolean descending) {
    }

    private final List<Term> terms;

    private SortOrder(List<Term> terms) {
        this.terms = terms;
    }

    /**
     * @param sort      the client's parameter, or null for the default
     * @param allowed   the documented sortable fields
     * @param fallback  the default sort expression
     * @throws ProblemException a 400 naming {@code sort} for an unknown or repeated field
     */
    public static SortOrder parse(String sort, List<Field> allowed, String fallback) {
        String expression = sort == null || sort.isBlank() ? fallback : sort;
        Map<String, Field> byName = allowed.stream().collect(Collectors.toMap(Field::name, f -> f));
        Map<String, Term> terms = new LinkedHashMap<>();
        for (String raw : expression.split(",", -1)) {
            String item = raw.trim();
            boolean descending = item.startsWith("-");
            String name = descending ? item.substring(1) : item;
            Field field = byName.get(name);
            if (field == null) {
                throw ProblemException.invalid("sort", "unknown sort field '" + abbreviate(name) + "'; allowed: "
                        + allowed.stream().map(Field::name).collect(Collectors.joining(", ")));
            }
            if (terms.putIfAbsent(name, new Term(field, descending)) != null) {
                throw ProblemException.invalid("sort", "field '" + name + "' is named twice");
            }
        }
        return new SortOrder(List.copyOf(terms.values()));
    }

    /** The canonical text of this order, part of a cursor's fingerprint. */
    public String canonical() {
        return terms.stream().map(t -> (t.descending() ? "-" : "") + t.field().name()).collect(Collectors.joining(","));
    }

    public int size() {
        return terms.size();
    }

    /** {@code order by} clause for the root alias, with the id breaking ties in the first field's direction. */
    public String orderBy(String alias) {
        return orderBy(alias, false);
    }

    /**
     * The same order, written so that no index can deliver it ({@code coalesce(x, x)} is {@code x}): the database
     * then finds the rows by the query's conditions and sorts them, instead of walking the order's index and
     * filtering every row it meets. For a page cut from a few thousand known ids.
     */
    public String orderByWithoutIndex(String alias) {
        return orderBy(alias, true);
    }

    private String orderBy(String alias, boolean withoutIndex) {
        List<String> parts = new ArrayList<>();
        for (Term term : terms) {
            parts.add(sortKey(term.field().expression(alias), withoutIndex) + (term.descending() ? " desc" : " asc"));
        }
        parts.add(sortKey(alias + ".id", withoutIndex) + (idDescending() ? " desc" : " asc"));
        return " order by " + String.join(", ", parts);
    }

    private static String sortKey(String expression, boolean withoutIndex) {
        return withoutIndex ? "coalesce(" + expression + ", " + expression + ")" : expression;
    }

    /**
     * The predicate selecting the records after {@code position} in this order, adding its parameters.
     *
     * @throws ProblemException a 400 naming {@code cursor} when a value in it does not fit its field
     */
    public String after(String alias, PageCursor.Position position, Map<String, Object> parameters) {
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < terms.size(); i++) {
                values.add(terms.get(i).field().kind().parse(position.sortValues().get(i)));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw ProblemException.invalid("cursor", "is not a valid cursor");
        }
        List<String> alternatives = new ArrayList<>();
        List<String> equalities = new ArrayList<>();
        for (int i = 0; i <= terms.size(); i++) {
            boolean isId = i == terms.size();
            String column = isId ? alias + ".id" : terms.get(i).field().expression(alias);
            String parameter = "after" + i;
            boolean descending = isId ? idDescending() : terms.get(i).descending();
            parameters.put(parameter, isId ? position.lastId() : values.get(i));
            List<String> conjunction = new ArrayList<>(equalities);
            conjunction.add(column + (descending ? " < :" : " > :") + parameter);
            alternatives.add("(" + String.join(" and ", conjunction) + ")");
            equalities.add(column + " = :" + parameter);
        }
        return "(" + String.join(" or ", alternatives) + ")";
    }

    /**
     * Whether a value this order sorts by is computed by the query (such as a relevance rank): no index holds that
     * order, so the database reads every match to sort them whatever the filter.
     */
    public boolean computed() {
        return terms.stream().anyMatch(t -> t.field().computed());
    }

    /** The expression of each field of this order, which a page query selects to build the next page's cursor. */
    public List<String> expressions(String alias) {
        return terms.stream().map(t -> t.field().expression(alias)).toList();
    }

    /** The cursor position of a record, given its values of this order's fields (as {@link #expressions} selects). */
    public PageCursor.Position positionOf(List<Object> values, UUID id) {
        return new PageCursor.Position(values.stream().map(String::valueOf).toList(), id);
    }

    private boolean idDescending() {
        return terms.get(0).descending();
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
