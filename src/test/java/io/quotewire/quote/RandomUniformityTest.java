package io.quotewire.quote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The random pick is uniform. The draws go through a plain HTTP client: the shape of the answer is checked against
 * openapi.yaml by the other tests of /random, and here the contract check of RestAssured would only make the 600
 * draws slower.
 */
@QuarkusTest
class RandomUniformityTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int QUOTES = 5;
    private static final int DRAWS = 600;
    /**
     * The chi-square critical value for 4 degrees of freedom at p = 0.00001: a fair sampler exceeds it once in
     * 100,000 runs, while one that favours a quote by half again fails nearly always.
     */
    private static final double CRITICAL = 28.47;

    @TestHTTPResource("/api/v1/quotes/random")
    URL random;

    @Test
    void randomPicksFromASmallFilteredSetAreUniform() throws IOException, InterruptedException {
        String source = Fixtures.createSource();
        for (int i = 0; i < QUOTES; i++) {
            Fixtures.createQuote(source, null, "Uniformity sample number " + i + ".");
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest draw = HttpRequest.newBuilder(URI.create(random + "?source=" + URLEncoder.encode(source, StandardCharsets.UTF_8))).build();
        Map<String, Integer> draws = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            HttpResponse<String> response = client.send(draw, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            String id = JSON.readTree(response.body()).path("items").path(0).path("id").asText();
            draws.merge(id, 1, Integer::sum);
        }
        assertEquals(QUOTES, draws.size(), "every quote is drawn");
        double expected = (double) DRAWS / QUOTES;
        double chiSquare = draws.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
        assertTrue(chiSquare < CRITICAL, "chi-square " + chiSquare + " for counts " + draws.values());
    }
}
