package io.quotewire.api.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quotewire.api.problem.ProblemException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    private static final UUID ID = UUID.fromString("0190a6a4-3b1e-7c2d-9f00-5a1b2c3d4e5f");

    @Test
    void aCursorDecodesToThePositionItWasMadeFrom() {
        PageCursor.Position position = new PageCursor.Position(List.of("2024-06-27T14:05:00Z", "naïve, with\nnewline"), ID);
        String cursor = PageCursor.encode("f1", position);
        assertEquals(position, PageCursor.decode(cursor, "f1", 2));
    }

    @Test
    void aCursorForOtherFiltersIsRefused() {
        String cursor = PageCursor.encode("f1", new PageCursor.Position(List.of("1"), ID));
        ProblemException problem = assertThrows(ProblemException.class, () -> PageCursor.decode(cursor, "f2", 1));
        assertEquals("cursor", problem.errors().get(0).field());
    }

    @Test
    void editedOrMadeUpCursorsAreRefused() {
        String cursor = PageCursor.encode("f1", new PageCursor.Position(List.of("1"), ID));
        for (String bad : List.of("", "@@@", cursor + "A", cursor.replace('M', 'N'), "YzEKZjEKTVEKMDE5MGE2YTQtM2IxZS03YzJkLTlmMDAtNWExYjJjM2Q0ZTVm")) {
            assertThrows(ProblemException.class, () -> PageCursor.decode(bad, "f1", 1), bad);
        }
        assertThrows(ProblemException.class, () -> PageCursor.decode(cursor, "f1", 2), "wrong number of sort values");
    }
}
