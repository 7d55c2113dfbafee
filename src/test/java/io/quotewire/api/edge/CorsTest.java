package io.quotewire.api.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CorsTest {

    private static final String WRITER = "https://editor.example";
    private static final String STRANGER = "https://elsewhere.example";

    @Test
    void readsAreOpenToAnyOrigin() {
        given().header("Origin", STRANGER).header("Access-Control-Request-Method", "GET")
                .when().options("/api/v1/quotes")
                .then().header("Access-Control-Allow-Origin", anyOf(equalTo("*"), equalTo(STRANGER)))
                .header("Access-Control-Allow-Methods", containsString("GET"));
    }

    @Test
    void aConfiguredOriginMayPreflightWrites() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().header("Origin", WRITER).header("Access-Control-Request-Method", method)
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .when().options("/api/v1/speakers")
                    .then().statusCode(200)
                    .header("Access-Control-Allow-Origin", WRITER)
                    .header("Access-Control-Allow-Methods", containsString(method))
                    .header("Access-Control-Allow-Headers", containsString("Authorization"));
        }
        Fixtures.asEditor().header("Origin", WRITER).contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Cors Writer")))
                .when().post("/api/v1/speakers")
                .then().statusCode(201).header("Access-Control-Allow-Origin", WRITER);
    }

    @Test
    void anyOtherOriginIsNotAllowedToWrite() {
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE"}) {
            given().header("Origin", STRANGER).header("Access-Control-Request-Method", method)
                    .when().options("/api/v1/speakers")
                    .then().header("Access-Control-Allow-Methods", anyOf(nullValue(), not(containsString(method))))
                    .header("Access-Control-Allow-Origin", nullValue());
        }
        Fixtures.asEditor().header("Origin", STRANGER).contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Cors Stranger")))
                .when().post("/api/v1/speakers")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
