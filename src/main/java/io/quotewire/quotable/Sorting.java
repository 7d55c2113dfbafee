package io.quotewire.quotable;

import java.util.Map;

/**
 * Quotable's {@code sortBy} and {@code order} (also spelt {@code sortOrder}): each list has its sortable fields with
 * a natural direction; an unknown field means the list's default and an unknown order the field's direction, as in
 * Quotable. The column is ours, from a fixed table, never from the request.
 */
record Sorting(String column, boolean ascending) {

    /** The fields of {@code options} by Quotable name; {@code fallback} names the default. */
    static Sorting of(Map<String, Sorting> options, String fallback, String sortBy, String order, String sortOrder) {
        Sorting field = sortBy == null ? null : options.get(sortBy);
        Sorting chosen = field != null ? field : options.get(fallback);
        String asked = sortOrder != null && !sortOrder.isEmpty() ? sortOrder : order;
        Boolean ascending = ascendingOf(asked);
        return ascending == null ? chosen : new Sorting(chosen.column(), ascending);
    }

    /** asc, ascending or 1 is ascending; desc, descending or -1 descending; anything else says nothing. */
    private static Boolean ascendingOf(String order) {
        if (order == null) {
            return null;
        }
        return switch (order) {
            case "asc", "ascending" -> true;
            case "desc", "descending" -> false;
            default -> {
                double number = JsNumbers.numberOr(order, 0);
                yield number == 1 ? Boolean.TRUE : number == -1 ? Boolean.FALSE : null;
            }
        };
    }

    /** The order-by clause, ties broken by {@code idColumn} so that pages never overlap. */
    String orderBy(String idColumn) {
        String direction = ascending ? " asc" : " desc";
        return " order by " + column + direction + ", " + idColumn + direction;
    }
}
