package app.steady.goals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.goals.support.GoalsApi;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * Reads of a client's information by someone else are in the audit trail, which only the tenant's admins can query,
 * and are published as audit events.
 */
@SteadyIntegrationTest
class AuditTrailIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;

    @Test
    void aTherapistsReadAndAnOutsidersAttemptAreRecordedButNotTheClientsOwnReads() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        api.asTherapist(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        mvc.perform(get("/clients/{c}/goals", api.client).header("Authorization", TestTokens.therapist(api.tenant, "nosy")))
                .andExpect(status().isNotFound());

        mvc.perform(get("/audit/goals-service").param("clientId", api.client).header("Authorization", TestTokens.admin(api.tenant, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].actorId").value("nosy"))
                .andExpect(jsonPath("$[0].outcome").value("DENIED"))
                .andExpect(jsonPath("$[0].status").value(404))
                .andExpect(jsonPath("$[1].actorId").value(api.therapist))
                .andExpect(jsonPath("$[1].actorRole").value("THERAPIST"))
                .andExpect(jsonPath("$[1].tenantId").value(api.tenant))
                .andExpect(jsonPath("$[1].action").value("GET /clients/{clientId}/goals"))
                .andExpect(jsonPath("$[1].outcome").value("ALLOWED"))
                .andExpect(jsonPath("$[1].remoteAddress").exists());
        mvc.perform(get("/audit/goals-service").header("Authorization", TestTokens.admin("tenant-" + java.util.UUID.randomUUID(), "admin")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/audit/goals-service").header("Authorization", api.therapistToken())).andExpect(status().isForbidden());
        // The old path, for one release: the same trail, marked deprecated.
        mvc.perform(get("/audit").param("clientId", api.client).header("Authorization", TestTokens.admin(api.tenant, "admin")))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(header().string("Link", "</audit/goals-service>; rel=\"successor-version\""));
        mvc.perform(get("/audit").header("Authorization", api.therapistToken())).andExpect(status().isForbidden());

        List<JsonNode> published = auditRecords(KafkaTestClient.shared().readUntil(topics.of(Topic.GOALS),
                Duration.ofSeconds(30), records -> auditRecords(records, api).size() >= 2), api);
        assertThat(published).hasSize(2);
        assertThat(published).allSatisfy(data ->
                assertThat(schemas.violations(EventType.GOALS_CLIENT_RECORD_ACCESSED, data)).isEmpty());
        assertThat(published).extracting(data -> data.get("actorId").asString()).containsExactlyInAnyOrder(api.therapist, "nosy");
        assertThat(published).extracting(data -> data.get("outcome").asString()).containsExactlyInAnyOrder("ALLOWED", "DENIED");
        assertThat(published).allSatisfy(data -> assertThat(data.get("service").asString()).isEqualTo("goals-service"));
    }

    /** The audit events about this test's client, as published for the tenant's audit archive. */
    private List<JsonNode> auditRecords(List<ConsumerRecord<String, byte[]>> records, GoalsApi api) {
        return records.stream()
                .filter(r -> api.tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(r -> EventType.GOALS_CLIENT_RECORD_ACCESSED.type().equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .map(r -> json.readTree(r.value())).toList();
    }
}
