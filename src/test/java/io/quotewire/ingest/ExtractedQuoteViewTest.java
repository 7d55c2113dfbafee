package io.quotewire.ingest;

import io.quotewire.extraction.AttributionRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API documents every attribution rule, and no other: openapi.yaml's enum of {@code rule}. */
class ExtractedQuoteViewTest {

    @Test
    void ruleEnumerationListsEveryAttributionRule() throws NoSuchFieldException {
        Schema schema = ExtractedQuoteView.class.getDeclaredField("rule").getAnnotation(Schema.class);
        List<String> ids = Arrays.stream(AttributionRule.values()).map(AttributionRule::id).toList();
        assertEquals(ids, List.of(schema.enumeration()));
    }
}
