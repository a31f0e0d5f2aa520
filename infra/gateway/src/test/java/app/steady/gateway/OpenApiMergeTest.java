package app.steady.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergeTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void pathsAreTakenFromTheirOwnerAndClashingComponentsAreRenamedWithTheirReferences() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("goals-service", document("""
                {"openapi":"3.1.0","info":{"version":"v1"},
                 "paths":{"/clients/{clientId}/goals":{"get":{"responses":{"200":{"content":{"application/json":
                          {"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Summary":{"type":"object","properties":{"goals":{"type":"integer"}}},
                                          "Problem":{"type":"object"}}}}"""));
        documents.put("analytics-service", document("""
                {"openapi":"3.1.0","info":{"version":"v1"},
                 "paths":{"/clients/{clientId}/summary":{"get":{"responses":{"200":{"content":{"application/json":
                          {"schema":{"$ref":"#/components/schemas/Summary"}}}}}}}},
                 "components":{"schemas":{"Summary":{"type":"object","properties":{"mood":{"type":"number"}}},
                                          "Problem":{"type":"object"}}}}"""));

        ObjectNode merged = OpenApiMerge.merge(documents, List.of());

        assertThat(merged.path("paths").has("/clients/{clientId}/goals")).isTrue();
        assertThat(merged.path("paths").has("/clients/{clientId}/summary")).isTrue();
        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Summary").path("properties").has("goals")).isTrue();
        assertThat(schemas.path("AnalyticsSummary").path("properties").has("mood")).isTrue();
        assertThat(schemas.has("AnalyticsProblem")).as("alike components are merged, not renamed").isFalse();
        assertThat(merged.path("paths").path("/clients/{clientId}/summary").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asString())
                .isEqualTo("#/components/schemas/AnalyticsSummary");
        assertThat(merged.path(OpenApiMerge.COLLISIONS)).isEmpty();
        assertThat(merged.path(OpenApiMerge.UNROUTED)).isEmpty();
    }

    @Test
    void aPathTwoServicesPublishOrThatIsRoutedElsewhereIsReportedAndDeprecatedOnesAreListedApart() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("goals-service", document("""
                {"paths":{"/clients/{clientId}/progress":{"get":{"deprecated":true}},
                          "/clients/{clientId}/goal-progress":{"get":{}},
                          "/clients/{clientId}/summary":{"get":{}}}}"""));
        documents.put("analytics-service", document("""
                {"paths":{"/clients/{clientId}/progress":{"get":{}},
                          "/clients/{client}/goal-progress":{"get":{}}}}"""));

        ObjectNode merged = OpenApiMerge.merge(documents, List.of("reminders-service"));

        assertThat(merged.path("paths").has("/clients/{clientId}/goal-progress")).isTrue();
        assertThat(merged.path("paths").has("/clients/{clientId}/progress")).isTrue();
        assertThat(merged.path(OpenApiMerge.DEPRECATED_NOT_ROUTED).toString())
                .contains("/clients/{clientId}/progress (goals-service)");
        assertThat(merged.path(OpenApiMerge.UNROUTED).toString())
                .contains("/clients/{clientId}/summary (goals-service; routed to analytics-service)");
        assertThat(merged.path(OpenApiMerge.UNAVAILABLE).toString()).contains("reminders-service");
        assertThat(merged.path(OpenApiMerge.COLLISIONS).toString()).as("the same path, whatever its variables are called")
                .contains("/clients/x/goal-progress [goals-service, analytics-service]")
                .doesNotContain("/progress [");
    }

    private JsonNode document(String text) {
        return json.readTree(text);
    }
}
