package io.quotewire.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kubernetes manifests quarkus-kubernetes generates at build time, checked as an operator would read them,
 * since no cluster runs here.
 */
class KubernetesManifestIT {

    private static List<JsonNode> resources;

    @BeforeAll
    static void readManifests() throws IOException {
        ObjectMapper yaml = new YAMLMapper();
        resources = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(Files.newBufferedReader(Path.of("target", "kubernetes", "kubernetes.yml")))) {
            yaml.readValues(parser, JsonNode.class).forEachRemaining(resources::add);
        }
    }

    private static JsonNode only(String kind) {
        List<JsonNode> found = resources.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
        assertEquals(1, found.size(), "one " + kind);
        return found.get(0);
    }

    private static JsonNode container() {
        JsonNode containers = only("Deployment").at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    /** The container's plain environment variables, by name. */
    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        container().path("env").forEach(variable -> env.put(variable.path("name").asText(), variable.path("value").asText()));
        return env;
    }

    @Test
    void theDeploymentProbesLivenessReadinessAndStartupOnSmallRyeHealth() {
        JsonNode container = container();
        assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
        assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
        assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
    }

    @Test
    void theContainerHasRequestsAndLimitsAndRunsAsNonRoot() {
        JsonNode container = container();
        for (String bound : List.of("requests", "limits")) {
            assertFalse(container.at("/resources/" + bound + "/cpu").asText().isEmpty(), bound + " cpu");
            assertFalse(container.at("/resources/" + bound + "/memory").asText().isEmpty(), bound + " memory");
        }
        JsonNode security = only("Deployment").at("/spec/template/spec/securityContext");
        assertTrue(security.path("runAsNonRoot").asBoolean());
        assertTrue(security.path("runAsUser").asInt() > 0);
    }

    @Test
    void configurationComesFromAConfigMapAndSecretsOnlyByReference() {
        JsonNode envFrom = container().path("envFrom");
        List<String> configMaps = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        envFrom.forEach(source -> {
            if (source.has("configMapRef")) {
                configMaps.add(source.at("/configMapRef/name").asText());
            }
            if (source.has("secretRef")) {
                secrets.add(source.at("/secretRef/name").asText());
            }
        });
        assertEquals(List.of("quotewire-config"), configMaps);
        assertEquals(List.of("quotewire-secrets"), secrets);
        assertTrue(resources.stream().noneMatch(r -> "Secret".equals(r.path("kind").asText())), "no Secret values are generated or committed");
        container().path("env").forEach(variable ->
                assertFalse(variable.path("name").asText().matches(".*(PASSWORD|API_KEY|SECRET).*") && variable.has("value"),
                        "no secret value inline: " + variable));
    }

    @Test
    void clientAddressesAreTakenFromForwardedHeadersOnlyFromTheTrustedIngressNetwork() {
        Map<String, String> env = env();
        assertEquals("true", env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"));
        // forwarding without a trusted list would believe every peer: the manifests must name the proxies
        assertFalse(env.getOrDefault("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "").isBlank(), "trusted proxies configured");
    }

    @Test
    void thePodsConnectionsAtTheMostReplicasFitTheDatabaseThatDocsScalingAsksFor() throws IOException {
        Map<String, String> env = env();
        Properties settings = new Properties();
        try (var in = Files.newBufferedReader(Path.of("src", "main", "resources", "application.properties"))) {
            settings.load(in);
        }
        int perPod = poolSize(env, settings, "quarkus.datasource.jdbc.max-size")
                + poolSize(env, settings, "quarkus.datasource.search-index.jdbc.max-size")
                + poolSize(env, settings, "quarkus.datasource.imports.jdbc.max-size")
                + poolSize(env, settings, "quarkus.datasource.export.jdbc.max-size");
        int pods = only("HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt();
        Matcher asked = Pattern.compile("`max_connections` of at least (\\d+)")
                .matcher(Files.readString(Path.of("docs", "SCALING.md")));
        assertTrue(asked.find(), "docs/SCALING.md names the max_connections the deployment needs");
        // PostgreSQL keeps 3 of max_connections for superusers (superuser_reserved_connections)
        assertTrue(pods * perPod <= Integer.parseInt(asked.group(1)) - 3,
                pods + " pods of " + perPod + " connections against max_connections " + asked.group(1));
    }

    /** A pool's size as the pods run it: the manifests' environment variable, else application.properties. */
    private static int poolSize(Map<String, String> env, Properties settings, String property) {
        String variable = property.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return Integer.parseInt(env.getOrDefault(variable, settings.getProperty(property)));
    }

    @Test
    void aServiceAHorizontalPodAutoscalerAndADisruptionBudgetComeWithIt() {
        assertEquals(8080, only("Service").at("/spec/ports/0/targetPort").asInt());
        JsonNode autoscaler = only("HorizontalPodAutoscaler");
        assertEquals("quotewire", autoscaler.at("/spec/scaleTargetRef/name").asText());
        assertTrue(autoscaler.at("/spec/minReplicas").asInt() >= 2);
        assertEquals(1, only("PodDisruptionBudget").at("/spec/minAvailable").asInt());
    }
}
