package io.quotewire.auth;

import static io.quotewire.Fixtures.ADMIN_KEY;
import static io.quotewire.Fixtures.EDITOR_KEY;
import static io.quotewire.Fixtures.asAdmin;
import static io.quotewire.Fixtures.asEditor;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import io.quotewire.Fixtures;
import io.quotewire.speaker.SpeakerRepository;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuthenticationTest {

    private static final String CHALLENGE = "Bearer realm=\"quotewire\"";

    @Inject
    SpeakerRepository speakers;

    private static Map<String, Object> speakerBody() {
        return Map.of("name", Fixtures.unique("Auth Probe"));
    }

    @Test
    void writesWithoutAKeyAreRefusedWith401AndAChallengeAndWriteNothing() {
        long before = speakers.count();
        given().contentType(ContentType.JSON).body(speakerBody())
                .when().post("/api/v1/speakers")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", CHALLENGE)
                .body("type", equalTo("/problems/unauthorized"));
        String slug = Fixtures.createSpeaker(Fixtures.unique("Auth Target"));
        given().contentType("application/merge-patch+json").body("{\"role\":\"x\"}")
                .when().patch("/api/v1/speakers/" + slug).then().statusCode(401).header("WWW-Authenticate", CHALLENGE);
        given().contentType(ContentType.JSON).body(speakerBody())
                .when().put("/api/v1/speakers/" + slug).then().statusCode(401);
        given().when().delete("/api/v1/speakers/" + slug).then().statusCode(401);
        assertEquals(before + 1, speakers.count());
    }

    @Test
    void anUnknownKeyOrAnotherSchemeIsA401() {
        for (String authorization : new String[] {"Bearer not-a-configured-key", "Bearer " + EDITOR_KEY + "x", "Basic " + EDITOR_KEY,
                "Bearer", "Bearer    ", EDITOR_KEY, "bearer " + EDITOR_KEY.toUpperCase()}) {
            given().header("Authorization", authorization).contentType(ContentType.JSON).body(speakerBody())
                    .when().post("/api/v1/speakers")
                    .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", CHALLENGE);
        }
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        given().header("Authorization", "bearer " + EDITOR_KEY).contentType(ContentType.JSON).body(speakerBody())
                .when().post("/api/v1/speakers").then().statusCode(201);
    }

    @Test
    void anEditorMayWriteButNotDeleteAndAnAdminMayDelete() {
        String slug = Fixtures.createSpeaker(Fixtures.unique("Auth Deletable"));
        asEditor().when().delete("/api/v1/speakers/" + slug)
                .then().statusCode(403).contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        given().when().get("/api/v1/speakers/" + slug).then().statusCode(200);
        asAdmin().when().delete("/api/v1/speakers/" + slug).then().statusCode(204);
    }

    @Test
    void anAdminMayAlsoCreate() {
        given().header("Authorization", "Bearer " + ADMIN_KEY).contentType(ContentType.JSON).body(speakerBody())
                .when().post("/api/v1/speakers").then().statusCode(201);
    }

    @Test
    void readsArePublicAndIgnoreAWrongKey() {
        given().when().get("/api/v1/quotes").then().statusCode(200);
        given().header("Authorization", "Bearer wrong").when().get("/api/v1/speakers").then().statusCode(200);
    }

    @Test
    void aKeyInTheQueryStringIsRefusedAndNeverUsed() {
        for (String parameter : new String[] {"api_key", "access_token", "apiKey", "token", "key"}) {
            given().queryParam(parameter, EDITOR_KEY).contentType(ContentType.JSON).body(speakerBody())
                    .when().post("/api/v1/speakers")
                    .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(parameter));
            given().queryParam(parameter, EDITOR_KEY).when().get("/api/v1/speakers").then().statusCode(400);
        }
    }

    @Test
    void configuredEntriesAreParsedStrictly() {
        ApiKeys.ApiKey admin = ApiKeys.parse("ops:admin:" + "ab".repeat(32));
        assertEquals(Set.of(Roles.ADMIN, Roles.EDITOR), admin.roles());
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("ops:root:" + "ab".repeat(32)));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.parse("ops:editor:plaintext-key"));
    }
}
