package io.quotewire.api.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quotewire.api.problem.ProblemException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SortOrderTest {

    private static final List<SortOrder.Field> FIELDS = List.of(
            new SortOrder.Field("name", "name", SortOrder.Kind.TEXT),
            new SortOrder.Field("quoteCount", "quoteCount", SortOrder.Kind.INTEGER));

    @Test
    void orderEndsWithTheIdInTheFirstFieldsDirection() {
        assertEquals(" order by s.quoteCount desc, s.name asc, s.id desc", SortOrder.parse("-quoteCount,name", FIELDS, "name").orderBy("s"));
        assertEquals(" order by s.name asc, s.id asc", SortOrder.parse(null, FIELDS, "name").orderBy("s"));
    }

    @Test
    void theKeysetPredicateContinuesAfterThePosition() {
        SortOrder order = SortOrder.parse("-quoteCount,name", FIELDS, "name");
        Map<String, Object> parameters = new HashMap<>();
        UUID id = UUID.randomUUID();
        String predicate = order.after("s", new PageCursor.Position(List.of("7", "Ana"), id), parameters);
        assertEquals("((s.quoteCount < :after0) or (s.quoteCount = :after0 and s.name > :after1)"
                + " or (s.quoteCount = :after0 and s.name = :after1 and s.id < :after2))", predicate);
        assertEquals(Map.of("after0", 7, "after1", "Ana", "after2", id), parameters);
    }

    @Test
    void unknownRepeatedOrMistypedValuesAreRefused() {
        assertThrows(ProblemException.class, () -> SortOrder.parse("age", FIELDS, "name"));
        assertThrows(ProblemException.class, () -> SortOrder.parse("name,-name", FIELDS, "name"));
        assertThrows(ProblemException.class, () -> SortOrder.parse("name,", FIELDS, "name"));
        SortOrder order = SortOrder.parse("quoteCount", FIELDS, "name");
        assertThrows(ProblemException.class, () -> order.after("s", new PageCursor.Position(List.of("seven"), UUID.randomUUID()), new HashMap<>()));
    }
}
