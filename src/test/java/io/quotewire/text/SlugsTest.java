package io.quotewire.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlugsTest {

    @Test
    void namesBecomeLowerCaseAsciiWordsJoinedByHyphens() {
        assertEquals("vedant-patel", Slugs.of("Vedant Patel"));
        assertEquals("jose-ramos", Slugs.of("  José   Ramos! "));
        assertEquals("us-pakistan-relations", Slugs.of("US–Pakistan relations"));
        assertEquals("", Slugs.of("—"));
        assertEquals(Slugs.MAX_LENGTH, Slugs.of("a".repeat(200)).length());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Владимир Путин, vladimir-putin",
            "习近平, xi-jin-ping",
            "Łukasz, lukasz",
            "Straße, strasse",
            "Recep Tayyip Erdoğan, recep-tayyip-erdogan",
            "Αλέξης Τσίπρας, alexes-tsipras",
            "Ishaq Dar, ishaq-dar"})
    void namesInAnyScriptAreTransliteratedToAscii(String name, String slug) {
        assertEquals(slug, Slugs.of(name));
        assertTrue(Slugs.isSlug(Slugs.of(name)));
    }

    @Test
    void asciiNamesSkipTheTransliterationAndGetTheSameSlug() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            every.append(c);
        }
        java.util.SplittableRandom random = new java.util.SplittableRandom(13);
        for (int i = 0; i < 2000; i++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(1, 30); k > 0; k--) {
                name.append(every.charAt(random.nextInt(every.length())));
            }
            assertEquals(Slugs.ofTransliterated(name.toString()), Slugs.of(name.toString()), name.toString());
        }
        assertEquals(Slugs.ofTransliterated(every.toString()), Slugs.of(every.toString()));
    }

    @Test
    void transliterationIsSafeFromSeveralThreadsAtOnce() throws InterruptedException {
        Thread[] threads = new Thread[4];
        String[] failures = new String[threads.length];
        for (int t = 0; t < threads.length; t++) {
            int index = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 500; i++) {
                    String slug = Slugs.of(i % 2 == 0 ? "Владимир Путин" : "习近平");
                    if (!slug.equals(i % 2 == 0 ? "vladimir-putin" : "xi-jin-ping")) {
                        failures[index] = slug;
                    }
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        for (String failure : failures) {
            assertEquals(null, failure);
        }
    }

    @Test
    void onlyWellFormedSlugsAreSlugs() {
        assertTrue(Slugs.isSlug("human-rights"));
        assertFalse(Slugs.isSlug("Human Rights"));
        assertFalse(Slugs.isSlug("-leading"));
        assertFalse(Slugs.isSlug("double--hyphen"));
    }
}
