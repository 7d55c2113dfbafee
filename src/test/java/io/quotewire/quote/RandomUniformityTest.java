package io.quotewire.quote;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RandomUniformityTest {

    private static final int QUOTES = 5;
    private static final int DRAWS = 600;
    /**
     * The chi-square critical value for 4 degrees of freedom at p = 0.00001: a fair sampler exceeds it once in
     * 100,000 runs, while one that favours a quote by half again fails nearly always.
     */
    private static final double CRITICAL = 28.47;

    @Test
    void randomPicksFromASmallFilteredSetAreUniform() {
        String source = Fixtures.createSource();
        for (int i = 0; i < QUOTES; i++) {
            Fixtures.createQuote(source, null, "Uniformity sample number " + i + ".");
        }
        Map<String, Integer> draws = new HashMap<>();
        for (int i = 0; i < DRAWS; i++) {
            String id = given().queryParam("source", source).when().get("/api/v1/quotes/random").then().statusCode(200).extract().path("items[0].id");
            draws.merge(id, 1, Integer::sum);
        }
        assertEquals(QUOTES, draws.size(), "every quote is drawn");
        double expected = (double) DRAWS / QUOTES;
        double chiSquare = draws.values().stream().mapToDouble(n -> (n - expected) * (n - expected) / expected).sum();
        assertTrue(chiSquare < CRITICAL, "chi-square " + chiSquare + " for counts " + draws.values());
    }
}
