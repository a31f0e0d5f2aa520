package app.steady.goals.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.HostilePayloads;
import app.steady.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every write endpoint of goals-service under hostile and malformed bodies: only 4xx, nothing stored. The shared fuzz
 * sends them as a client and a therapist, whom admin paths refuse before reading; here the tenant's admin sends them
 * to the admin endpoints too, with bodies aimed at the safety settings.
 */
class GoalsHostilePayloadsIT extends HostilePayloads {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static List<String> adminPayloads() {
        String reachable = "{\"name\":\"n\",\"email\":\"a@b.example\"}";
        List<String> payloads = new ArrayList<>(List.of(
                "", "{}", "[]", "null", "\"string\"", "123", "true", "{\"onCallContacts\":", "{'onCallContacts':[]}",
                "{\"a\":1,}", "{\"therapistId\":\"../admin\"}", "{\"therapistId\":{\"$ne\":null}}",
                "{\"onCallContacts\":null}", "{\"onCallContacts\":[]}", "{\"onCallContacts\":\"oncall@provider.example\"}",
                "{\"onCallContacts\":[[]]}", "{\"onCallContacts\":[null]}", "{\"onCallContacts\":[{}]}",
                "{\"onCallContacts\":[{\"name\":{\"$ne\":null},\"email\":\"a@b.example\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"email\":{\"$gt\":\"\"}}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"email\":[\"a@b.example\"]}]}",
                "{\"onCallContacts\":[{\"name\":true,\"email\":\"a@b.example\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"javascript:alert(1)\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"file:///etc/passwd\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"http://169.254.169.254/latest/meta-data\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"https://admin:hunter2@pager.example/x\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"https:///no-host\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"pagerUrl\":\"https://pager.example/" + "x".repeat(600) + "\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"email\":\"a@b.example\\r\\nBcc: everyone@example.com\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"email\":\"'; DROP TABLE contacts; --\"}]}",
                "{\"onCallContacts\":[{\"name\":\"<img src=x\\u0000onerror=alert(1)>\",\"email\":\"a@b.example\"}]}",
                "{\"onCallContacts\":[{\"name\":\"Duty\\u0007\\u001b[31m clinician\",\"email\":\"a@b.example\"}]}",
                "{\"onCallContacts\":[{\"name\":\"" + "n".repeat(201) + "\",\"email\":\"a@b.example\"}]}",
                "{\"onCallContacts\":[{\"name\":\"n\",\"email\":\"a@b.example\",\"phone\":\"1 OR 1=1\"}]}",
                "{\"onCallContacts\":[" + reachable + "],\"tenantId\":\"another-tenant\"}",
                "{\"onCallContacts\":[" + reachable + "],\"version\":99}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":\"PT0S\"}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":\"-PT1H\"}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":\"PT99999999999999999999H\"}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":\"P100000D\"}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":{\"$where\":\"sleep(10000)\"}}",
                "{\"onCallContacts\":[" + reachable + "],\"highPriorityEscalationAfter\":1e400}",
                "{\"onCallContacts\":[" + reachable + "],\"crisisResources\":[{\"name\":\"x\",\"phone\":\"116 123\",\"locale\":\"../../etc/passwd\"}]}",
                "{\"onCallContacts\":[" + reachable + "],\"crisisResources\":[{\"name\":\"x\",\"url\":\"data:text/html,<script>alert(1)</script>\",\"locale\":\"en-GB\"}]}",
                "{\"onCallContacts\":[" + reachable + "],\"crisisResources\":[{\"name\":\"x\",\"locale\":\"en-GB\"}]}",
                "{\"onCallContacts\":[" + reachable + "],\"crisisResources\":\"Samaritans\"}",
                "{\"onCallContacts\":[" + (reachable + ",").repeat(20) + reachable + "]}",
                "{\"onCallContacts\":[" + "null,".repeat(9_999) + "null]}",
                "{\"onCallContacts\":[" + reachable + "],\"crisisResources\":["
                        + "{\"name\":\"x\",\"phone\":\"116 123\",\"locale\":\"en-GB\"},".repeat(50)
                        + "{\"name\":\"x\",\"phone\":\"116 123\",\"locale\":\"en-GB\"}]}",
                "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
                "{\"onCallContacts\":[{\"name\":\"" + "x".repeat(70_000) + "\"}]}"));
        return payloads;
    }

    @Test
    void hostileBodiesFromTheTenantsAdminGetOnlyClientErrorsAndNothingIsStored() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String admin = TestTokens.admin(tenant, "admin-1");
        GoalsApi.setOnCallContact(mvc, tenant); // so that an assignment is refused for its body, not for the tenant
        assertThat(adminWriteEndpoints()).contains("PUT /tenant/safety-settings", "PUT /caseload/clients/{clientId}");
        long before = storedDocumentsNaming(tenant);
        for (String endpoint : adminWriteEndpoints()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1).replaceAll("\\{[A-Za-z]+}", "x-1");
            for (String payload : adminPayloads()) {
                int status = mvc.perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                                .header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(payload))
                        .andReturn().getResponse().getStatus();
                assertThat(status).as(endpoint + " with " + payload.substring(0, Math.min(80, payload.length())))
                        .isBetween(400, 499);
            }
        }
        assertThat(storedDocumentsNaming(tenant)).as("nothing stored").isEqualTo(before);
    }

    /** The endpoints under the admin paths ({@code steady.security.admin-paths}) that read a body. */
    private List<String> adminWriteEndpoints() {
        TreeSet<String> endpoints = new TreeSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            boolean readsABody = java.util.Arrays.stream(mapping.getValue().getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            for (String pattern : mapping.getKey().getPatternValues()) {
                if (readsABody && (pattern.startsWith("/tenant/") || pattern.startsWith("/caseload/clients/"))) {
                    mapping.getKey().getMethodsCondition().getMethods()
                            .forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        }
        return List.copyOf(endpoints);
    }
}
