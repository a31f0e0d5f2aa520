package app.steady.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service that consumes events must do, written once: extend it in the service's tests. The service
 * starts on the real broker and store, reports health to anyone and metrics only to operators, and keeps its
 * caseload replica from goals-service's events, golden example included.
 */
@SteadyIntegrationTest
public abstract class ConsumingServiceBaseline {

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected TopicNames topics;
    @Autowired
    protected EventJson json;
    @Autowired
    protected CaseloadDirectory caseload;

    @Test
    void reportsReadinessToAnyoneAndMetricsOnlyToOperators() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.mongo.status").value("UP"));
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", TestTokens.client("t", "c")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").header("Authorization", TestTokens.operator("t")))
                .andExpect(status().isOk());
    }

    @Test
    void learnsTheCaseloadFromGoalsServiceEventsPerTenant() {
        String tenant = "tenant-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        send(tenant, client, json.write(new ClientAssigned(client, "therapist-7", Instant.now())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(caseload.therapistOf(tenant, client)).contains("therapist-7"));
        assertThat(caseload.therapistOf("another-tenant", client)).isEmpty();
    }

    @Test
    void readsTheGoldenExampleOfTheCaseloadEvents() {
        String tenant = "tenant-" + UUID.randomUUID();
        String golden = TestEvents.goldenExample(EventType.CLIENT_ASSIGNED);
        // A client id of its own: client ids are unique across tenants, and an earlier run may have used the golden one.
        String client = "client-" + UUID.randomUUID();
        String example = golden.replace(json.readTree(golden).get("clientId").asString(), client);
        String therapist = json.readTree(example).get("therapistId").asString();
        send(tenant, client, example.getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(caseload.therapistOf(tenant, client)).contains(therapist));
    }

    private void send(String tenant, String client, byte[] data) {
        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, tenant, client), data);
    }
}
