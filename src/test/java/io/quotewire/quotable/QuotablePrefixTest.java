package io.quotewire.quotable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefix is configuration: set elsewhere, Quotable's routes answer there and no longer at /quotable. */
@QuarkusTest
@TestProfile(QuotablePrefixTest.ElsewhereProfile.class)
class QuotablePrefixTest {

    public static class ElsewhereProfile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quotewire.quotable.prefix", "/compat/quotable-v1");
        }
    }

    @Test
    void theRoutesAnswerUnderTheConfiguredPrefixOnly() {
        given().when().get("/compat/quotable-v1/quotes?limit=1").then().statusCode(200).body("page", equalTo(1));
        given().when().get("/compat/quotable-v1/tags").then().statusCode(200);
        given().when().get("/compat/quotable-v1/quotes/not-an-id").then().statusCode(404).body("statusCode", equalTo(404));
        // openapi.yaml describes the default prefix, where this path answers 200: no contract check for this probe
        given().noFilters().when().get("/quotable/quotes?limit=1").then().statusCode(404).body("statusCode", equalTo(404));
        given().when().get("/compat/quotable-v1-not/quotes").then().statusCode(404);
    }
}
