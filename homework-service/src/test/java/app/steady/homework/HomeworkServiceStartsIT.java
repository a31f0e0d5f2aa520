package app.steady.homework;

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
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** homework-service starts on the real broker and store, reports its health, and keeps its caseload replica from events. */
@SteadyIntegrationTest
class HomeworkServiceStartsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;

    @Test
    void reportsReadinessWithMongoAndKafkaAndNothingElseAnonymously() throws Exception {
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
    void learnsTheCaseloadFromGoalsServiceEvents() {
        String tenant = "tenant-" + UUID.randomUUID();
        String client = "client-" + UUID.randomUUID();
        ClientAssigned assigned = new ClientAssigned(client, "therapist-7", Instant.now());
        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, tenant, client), json.write(assigned));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(caseload.therapistOf(tenant, client)).contains("therapist-7"));
        assertThat(caseload.therapistOf("another-tenant", client)).isEmpty();
    }

    @Test
    void readsTheGoldenExampleOfTheCaseloadEvents() {
        String tenant = "tenant-" + UUID.randomUUID();
        String example = TestEvents.goldenExample(EventType.CLIENT_ASSIGNED);
        String client = json.readTree(example).get("clientId").asString();
        String therapist = json.readTree(example).get("therapistId").asString();
        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, tenant, client), example.getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(caseload.therapistOf(tenant, client)).contains(therapist));
    }
}
