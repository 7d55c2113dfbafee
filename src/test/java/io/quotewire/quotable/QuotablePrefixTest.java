package io.quotewire.quotable;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quotewire.ChangedSettings;
import org.junit.jupiter.api.Test;

/**
 * The prefix is configuration: set elsewhere ({@link ChangedSettings#QUOTABLE_PREFIX}), Quotable's routes answer there
 * and no longer at /quotable.
 */
@QuarkusTest
@TestProfile(ChangedSettings.class)
class QuotablePrefixTest {

    private static final String PREFIX = ChangedSettings.QUOTABLE_PREFIX;

    @Test
    void theRoutesAnswerUnderTheConfiguredPrefixOnly() {
        given().when().get(PREFIX + "/quotes?limit=1").then().statusCode(200).body("page", equalTo(1));
        given().when().get(PREFIX + "/tags").then().statusCode(200);
        given().when().get(PREFIX + "/quotes/not-an-id").then().statusCode(404).body("statusCode", equalTo(404));
        // openapi.yaml describes the default prefix, where this path answers 200: no contract check for this probe
        given().noFilters().when().get("/quotable/quotes?limit=1").then().statusCode(404).body("statusCode", equalTo(404));
        given().when().get(PREFIX + "-not/quotes").then().statusCode(404);
    }
}
