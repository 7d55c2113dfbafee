package io.quotewire.api.paging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The filters of a list query as HQL conditions with named parameters, plus a canonical description of them that
 * binds a cursor to the filters it was made for.
 */
public final class Conditions {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();
    private final List<String> canonical = new ArrayList<>();

    /** Adds {@code clause}, which uses the named parameter {@code :name}, bound to {@code value}. */
    public Conditions add(String clause, String name, Object value) {
        clauses.add(clause);
        parameters.put(name, value);
        canonical.add(name + "=" + value);
        return this;
    }

    /** Adds a clause whose parameters the caller binds with {@link #bind}. */
    public Conditions add(String clause, String canonicalForm) {
        clauses.add(clause);
        canonical.add(canonicalForm);
        return this;
    }

    public Conditions bind(String name, Object value) {
        parameters.put(name, value);
        return this;
    }

    public boolean isEmpty() {
        return clauses.isEmpty();
    }

    public String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    /** The where clause with one more condition (a keyset predicate) appended. */
    public String whereAnd(String extra) {
        List<String> all = new ArrayList<>(clauses);
        all.add(extra);
        return " where " + String.join(" and ", all);
    }

    public Map<String, Object> parameters() {
        return new HashMap<>(parameters);
    }

    public String canonical() {
        return String.join("&", canonical);
    }
}
