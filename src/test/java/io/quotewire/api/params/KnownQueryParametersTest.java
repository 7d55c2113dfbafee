package io.quotewire.api.params;

import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** A query parameter the operation does not take is a 400 that names it and the ones it takes; a 415 names the types. */
@QuarkusTest
class KnownQueryParametersTest {

    @Test
    void anUnknownFilterIsA400NamingItAndTheAcceptedOnesNotAnUnfilteredList() {
        given().when().get("/api/v1/quotes?author=x&limit=2")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problems/validation"))
                .body("instance", equalTo("/api/v1/quotes"))
                .body("errors.field", hasItems("author"))
                .body("detail", containsString("author"))
                .body("detail", containsString("takes cursor, from, includeTotal, language, limit, maxLength, minLength, q, sort, source, speaker, status, tag, to, type"))
                .body("errors[0].message", containsString("speaker"));
    }

    @Test
    void everyDeclaredParameterIsAcceptedIncludingThoseOfBeanParams() {
        given().when().get("/api/v1/quotes?q=rights&speaker=vedant-patel&tag=human-rights&type=direct&limit=2&includeTotal=true&sort=-createdAt")
                .then().statusCode(200);
        given().when().get("/api/v1/quotes/random?count=2&type=direct").then().statusCode(200);
        given().when().get("/api/v1/speakers?name=Vedant%20Patel&limit=1").then().statusCode(200);
    }

    @Test
    void anOperationWithoutQueryParametersSaysSo() {
        given().when().get("/api/v1/quotes/today?date=2024-01-01")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("date"))
                .body("errors[0].message", containsString("takes no query parameters"));
    }

    @Test
    void parameterNamesAreCaseSensitiveAsDocumented() {
        given().when().get("/api/v1/quotes?Limit=2").then().statusCode(400).body("errors[0].field", equalTo("Limit"));
    }

    @Test
    void aWriteWithAnUnknownParameterWritesNothing() {
        String name = io.quotewire.Fixtures.unique("Never Written");
        asEditor().contentType(ContentType.JSON).body("{\"name\":\"" + name + "\"}")
                .when().post("/api/v1/speakers?dryRun=true")
                .then().statusCode(400).body("errors[0].field", equalTo("dryRun"));
        given().when().get("/api/v1/speakers?name=" + name).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aRefusedContentTypeNamesTheMediaTypesTheOperationAccepts() {
        asEditor().contentType("application/xml").body("<speaker/>")
                .when().post("/api/v1/speakers")
                .then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("application/json"));
        asEditor().contentType("application/xml").body("<article/>")
                .when().post("/api/v1/articles")
                .then().statusCode(415)
                .body("detail", containsString("application/json"))
                .body("detail", containsString("text/plain"));
        asEditor().contentType(ContentType.JSON).body("{}")
                .when().patch("/api/v1/speakers/vedant-patel")
                .then().statusCode(415)
                .body("detail", containsString("application/merge-patch+json"));
    }
}
