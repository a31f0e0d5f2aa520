package app.steady.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Fuzzes every write endpoint of a service that reads a body with malformed and hostile bodies — wrong types, huge strings, deep
 * nesting, injection-shaped strings, operator objects, invalid dates and zones, broken JSON — sent by a legitimate
 * caller (the client themselves and a therapist). Every answer must be a 4xx problem, never a 5xx or a success, and
 * nothing may be stored.
 */
@SteadyIntegrationTest
public abstract class HostilePayloads {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected MongoTemplate mongo;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    static List<String> payloads() {
        String deep = "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
        List<String> payloads = new ArrayList<>(List.of(
                "", "{}", "[]", "null", "\"string\"", "123", "true", "{\"title\":", "{'title':'x'}", "{\"a\":1,}",
                "{\"title\":123}", "{\"title\":[\"a\"]}", "{\"title\":{\"$ne\":null}}", "{\"title\":null}",
                "{\"clientId\":{\"$gt\":\"\"}}", "{\"$where\":\"sleep(10000)\"}",
                "{\"title\":\"'; DROP TABLE goals; --\",\"whyItMatters\":\"<script>alert(1)</script>\",\"weight\":\"1 OR 1=1\"}",
                "{\"text\":{\"$regex\":\".*\"}}", "{\"version\":\"1; rm -rf /\"}", "{\"version\":1e400}",
                "{\"weight\":-99999999999999999999999}", "{\"mood\":\"NaN\"}", "{\"mood\":1.5e308,\"timeZone\":\"Europe/London\"}",
                "{\"confidence\":1.5}", "{\"targetDate\":\"2026-13-45\",\"title\":\"t\"}",
                "{\"timeZone\":\"Mars/Phobos\"}", "{\"timeZone\":\"../../etc/passwd\"}",
                "{\"schedule\":{\"recurrence\":\"DAILY\",\"startDate\":\"yesterday\",\"times\":[\"25:99\"],\"timeZone\":\"Nowhere/Land\"}}",
                "{\"measure\":\"PHQ-9\",\"items\":[\"a\",null,{},-1,99999999999]}", "{\"items\":\"1,2,3\"}",
                "{\"title\":\"\\u0000\\uffff\\ud800\"}", "{\"reason\":\"<img src=x onerror=alert(1)>\"}",
                "{\"email\":\"not-an-email\"}", "{\"therapistId\":\"../admin\"}", "{\"rating\":[5]}",
                "{\"quietStart\":\"24:00\",\"quietEnd\":\"07:00\",\"timeZone\":\"Europe/London\"}",
                "{\"from\":\"2026-02-30\"}", deep, "[" + "[".repeat(5000) + "]".repeat(5000) + "]",
                "{\"title\":\"" + "x".repeat(70_000) + "\"}"));
        for (int i = 0; i < 20; i++) {
            payloads.add("{\"" + "k".repeat(i + 1) + "\":" + (i % 2 == 0 ? "\"" + "\\\"".repeat(i) + "\"" : "{}") + "}");
        }
        return payloads;
    }

    @Test
    void hostileBodiesGetOnlyClientErrorsAndNothingIsStored() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        assertThat(writeEndpoints()).as("endpoints reading a body (a service without any needs no such test)").isNotEmpty();
        long before = storedDocumentsNaming(tenant, client);
        int sent = 0;
        for (String endpoint : writeEndpoints()) {
            for (String token : List.of(TestTokens.client(tenant, client), TestTokens.therapist(tenant, "therapist-1"))) {
                for (String payload : payloads()) {
                    int status = mvc.perform(request(endpoint, client, token, payload)).andReturn().getResponse().getStatus();
                    assertThat(status).as(endpoint + " with " + payload.substring(0, Math.min(60, payload.length())))
                            .isBetween(400, 499);
                    sent++;
                }
            }
        }
        assertThat(sent).isGreaterThan(100);
        assertThat(storedDocumentsNaming(tenant, client)).as("nothing stored").isEqualTo(before);
    }

    /**
     * Documents in the service's own data that name any of {@code ids} (the test's own fresh tenant and client), so
     * that what other tests' events write in the background meanwhile does not count. The audit trail, the caseload
     * copy, the rate-limit windows and the caseload heartbeats are left out: they record requests or time, not store a
     * request's content.
     */
    protected long storedDocumentsNaming(String... ids) {
        long count = 0;
        for (String collection : mongo.getCollectionNames()) {
            if (!collection.equals("audit_log") && !collection.equals("caseload_replica") && !collection.startsWith("outbox")
                    && !collection.equals("rate_limit_windows") && !collection.equals("caseload_heartbeats")) {
                for (Document document : mongo.getCollection(collection).find()) {
                    String stored = document.toString();
                    if (Arrays.stream(ids).anyMatch(stored::contains)) {
                        count++;
                    }
                }
            }
        }
        return count;
    }

    private List<String> writeEndpoints() {
        return ServiceEndpoints.readingABody(mappings).stream()
                .filter(e -> e.startsWith("POST ") || e.startsWith("PUT ")).toList();
    }

    private static MockHttpServletRequestBuilder request(String endpoint, String clientId, String token, String body) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        String path = endpoint.substring(endpoint.indexOf(' ') + 1).replace("{clientId}", clientId)
                .replace("{therapistId}", "therapist-1").replaceAll("\\{[A-Za-z]+}", "x-1");
        return MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path).header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
