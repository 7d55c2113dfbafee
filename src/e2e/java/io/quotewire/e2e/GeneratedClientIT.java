package io.quotewire.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quotewire.Fixtures;
import io.quotewire.client.ApiClient;
import io.quotewire.client.ApiException;
import io.quotewire.client.api.QuotesApi;
import io.quotewire.client.api.SourcesApi;
import io.quotewire.client.api.SpeakersApi;
import io.quotewire.client.model.PageQuoteView;
import io.quotewire.client.model.Quote;
import io.quotewire.client.model.QuoteInput;
import io.quotewire.client.model.QuoteType;
import io.quotewire.client.model.Source;
import io.quotewire.client.model.SourceInput;
import io.quotewire.client.model.SourceKind;
import io.restassured.RestAssured;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java client generated from the committed openapi.yaml, used against the packaged service the way an
 * integrator would use it. An incompatible change to the contract stops this from compiling or passing.
 */
@QuarkusIntegrationTest
class GeneratedClientIT {

    private QuotesApi quotes;
    private SourcesApi sources;
    private SpeakersApi speakers;

    @BeforeEach
    void connect() {
        ApiClient client = new ApiClient().setScheme("http").setHost("localhost").setPort(RestAssured.port)
                .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + Fixtures.EDITOR_KEY));
        quotes = new QuotesApi(client);
        sources = new SourcesApi(client);
        speakers = new SpeakersApi(client);
    }

    @Test
    void listsFetchesAndPagesTheSeedQuotes() throws ApiException {
        List<UUID> seen = new ArrayList<>();
        String cursor = null;
        do {
            PageQuoteView page = speakers.listSpeakerQuotes(SpeakersApi.APIListSpeakerQuotesRequest.newBuilder()
                    .idOrSlug("vedant-patel").limit(3).cursor(cursor).build());
            assertEquals(3, page.getLimit());
            page.getItems().forEach(q -> seen.add(q.getId()));
            cursor = page.getNextCursor();
        } while (cursor != null);
        assertEquals(10, seen.size());
        assertEquals(10, new HashSet<>(seen).size());

        Quote first = quotes.getQuote(seen.get(0).toString());
        assertEquals("vedant-patel", first.getSpeaker().getSlug());
        assertNotNull(first.getStart());
    }

    @Test
    void createsASourceAndAQuoteAndReadsThemBack() throws ApiException {
        String text = "The mayor said: \"We open the library on Sunday.\"";
        SourcesApi.APICreateSourceRequest createSource = SourcesApi.APICreateSourceRequest.newBuilder()
                .sourceInput(new SourceInput().kind(SourceKind.STATEMENT).title("Generated client check " + UUID.randomUUID())
                        .text(text).language("en"))
                .idempotencyKey(UUID.randomUUID().toString())
                .build();
        Source source = sources.createSource(createSource);
        // a retry with the same Idempotency-Key answers the same source, not a second one
        assertEquals(source.getId(), sources.createSource(createSource).getId());
        Quote created = quotes.createQuote(QuotesApi.APICreateQuoteRequest.newBuilder()
                .quoteInput(new QuoteInput().text("We open the library on Sunday.").type(QuoteType.DIRECT)
                        .sourceId(source.getId()).start(17).end(47))
                .build());
        assertEquals(source.getId(), created.getSource().getId());
        assertNull(created.getSpeaker());

        PageQuoteView page = quotes.listQuotes(QuotesApi.APIListQuotesRequest.newBuilder().source(source.getId()).build());
        assertEquals(List.of(created.getId()), page.getItems().stream().map(Quote::getId).toList());
        assertNull(page.getNextCursor());
    }

    @Test
    void problemsReachTheClientAsErrorsWithTheirStatus() {
        ApiException missing = assertThrows(ApiException.class, () -> quotes.getQuote(UUID.randomUUID().toString()));
        assertEquals(404, missing.getCode());
        assertTrue(missing.getResponseBody().contains("/problems/not-found"));
        ApiException invalid = assertThrows(ApiException.class,
                () -> quotes.listQuotes(QuotesApi.APIListQuotesRequest.newBuilder().limit(0).build()));
        assertEquals(400, invalid.getCode());
        assertFalse(invalid.getResponseBody().isEmpty());
    }
}
