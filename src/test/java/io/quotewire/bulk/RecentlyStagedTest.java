package io.quotewire.bulk;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RecentlyStagedTest {

    private final RecentlyStaged staged = new RecentlyStaged();
    private final UUID id = UUID.fromString("6f1c2a3b-0000-4000-8000-000000000001");

    @Test
    void aRecordIsStagedOnceAndAgainOnlyToBringItsText() {
        assertTrue(staged.first(id, false, false));
        assertFalse(staged.first(id, false, false), "the same record again adds nothing");
        assertTrue(staged.first(id, true, false), "the first line that gives it a text is staged");
        assertFalse(staged.first(id, true, false));
        assertFalse(staged.first(id, false, false));
        assertTrue(staged.first(UUID.fromString("6f1c2a3b-0000-4000-8000-000000000002"), false, false), "another record");
    }

    @Test
    void aRecordOfALineTheLoadMayRefuseIsNotCountedOn() {
        assertTrue(staged.first(id, false, true));
        assertTrue(staged.first(id, false, false), "the refusable line's row may be deleted with its line: staged again");
        assertFalse(staged.first(id, false, true), "a refusable line need not stage what a sure line staged");
    }

    @Test
    void afterARollbackNothingStagedIsCountedOn() {
        assertTrue(staged.first(id, true, false));
        staged.clear();
        assertTrue(staged.first(id, false, false), "the rolled-back row is staged again");
    }
}
