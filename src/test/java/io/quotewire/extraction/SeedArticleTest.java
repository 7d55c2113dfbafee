package io.quotewire.extraction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The service's seed article (the resources the seed loader reads): every gold quote must be found with its exact
 * span, type and speaker, and nothing else.
 */
class SeedArticleTest {

    @Test
    void everyGoldQuoteIsFoundWithItsSpeaker() throws IOException {
        String text = read("/seed/seed-article.txt");
        JsonNode seed = new ObjectMapper().readTree(read("/seed/seed.json"));
        Map<String, String> speakerNames = new HashMap<>();
        seed.path("speakers").forEach(s -> speakerNames.put(s.path("slug").asText(), s.path("name").asText()));
        Extraction extraction = new QuoteExtractor().extract(Article.ofText(text));
        List<String> problems = new ArrayList<>();
        for (JsonNode expected : seed.path("quotes")) {
            int start = expected.path("start").asInt();
            int end = expected.path("end").asInt();
            ExtractedQuote found = extraction.quotes().stream()
                    .filter(q -> q.start() == start && q.end() == end).findFirst().orElse(null);
            if (found == null) {
                problems.add("missing " + expected.path("text").asText());
                continue;
            }
            String type = expected.path("type").asText().toUpperCase(Locale.ROOT);
            String speaker = expected.path("speaker").isNull() ? null : speakerNames.get(expected.path("speaker").asText());
            String actual = found.speaker() == null ? null : found.speaker().name();
            if (!found.type().name().equals(type) || !Objects.equals(speaker, actual) || !found.text().equals(expected.path("text").asText())) {
                problems.add(found.text() + ": " + found.type() + "/" + actual);
            }
        }
        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(seed.path("quotes").size(), extraction.quotes().size(), "no extra quotes on the seed");
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SeedArticleTest.class.getResourceAsStream(resource)) {
            return new String(Objects.requireNonNull(in, resource).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
