package io.quotewire.api.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed openapi.yaml is the contract: it must be exactly what the service serves. After an intended API
 * change, regenerate it with {@code ./mvnw test -Dtest=OpenApiContractTest -Dopenapi.update=true} (README.md) and
 * commit it with the change.
 */
@QuarkusTest
class OpenApiContractTest {

    @Test
    void committedOpenApiYamlIsWhatTheServiceServes() throws IOException {
        String served = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200).extract().asString();
        Path contract = Path.of("openapi.yaml");
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(contract, served, StandardCharsets.UTF_8);
        }
        String committed = Files.readString(contract, StandardCharsets.UTF_8);
        assertEquals(committed.strip(), served.strip(), "openapi.yaml differs from /q/openapi; regenerate it (see README.md)");
    }

    @Test
    void swaggerUiIsServed() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }
}
