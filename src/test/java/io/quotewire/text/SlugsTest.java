package io.quotewire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void namesBecomeLowerCaseAsciiWordsJoinedByHyphens() {
        assertEquals("vedant-patel", Slugs.of("Vedant Patel"));
        assertEquals("jose-ramos", Slugs.of("  José   Ramos! "));
        assertEquals("us-pakistan-relations", Slugs.of("US–Pakistan relations"));
        assertEquals("", Slugs.of("—"));
        assertEquals(Slugs.MAX_LENGTH, Slugs.of("a".repeat(200)).length());
    }

    @Test
    void onlyWellFormedSlugsAreSlugs() {
        assertTrue(Slugs.isSlug("human-rights"));
        assertFalse(Slugs.isSlug("Human Rights"));
        assertFalse(Slugs.isSlug("-leading"));
        assertFalse(Slugs.isSlug("double--hyphen"));
    }
}
