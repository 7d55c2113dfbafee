package io.quotewire;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import java.nio.file.Path;

/**
 * Validates every response that a {@code @QuarkusTest} receives through RestAssured against the committed
 * openapi.yaml, so the document cannot drift from what the service really answers. Requests are not validated:
 * the suite sends invalid ones on purpose. Paths the document does not describe (/q/ endpoints, probes of
 * undocumented routes) are left to their own tests.
 */
public class ContractValidation implements QuarkusTestBeforeEachCallback {

    private static final OpenApiValidationFilter FILTER = new OpenApiValidationFilter(
            OpenApiInteractionValidator.createForSpecificationUrl(Path.of("openapi.yaml").toUri().toString())
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request", ValidationReport.Level.IGNORE)
                            .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build());

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(FILTER)) {
            RestAssured.filters(FILTER);
        }
    }
}
