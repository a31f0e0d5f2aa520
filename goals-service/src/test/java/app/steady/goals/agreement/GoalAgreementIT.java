package app.steady.goals.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import app.steady.platform.keys.EventOpener;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SealedEventData;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

@SteadyIntegrationTest
class GoalAgreementIT {

    @Autowired
    EventOpener opener;
    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventSchemas schemas;
    @Autowired
    EventJson json;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @Test
    void goalAgreedByBothPartiesIsPublishedAsGoalSetValidAgainstItsSchema() throws Exception {
        assign(client, therapist);
        String location = mvc.perform(post("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"title":"Walk every morning","whyItMatters":"I feel calmer when I move",
                                 "measurableTarget":"20 minutes, 5 days a week","weight":2}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.agreedByClient").value(true))
                .andExpect(jsonPath("$.agreedByTherapist").value(false))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(post(location + "/agreement").header("Authorization", TestTokens.therapist(tenant, therapist))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isOk())
                .andExpect(header().exists("ETag"))
                .andExpect(jsonPath("$.status").value("AGREED"));

        String goalId = location.substring(location.lastIndexOf('/') + 1);
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.shared().readUntil(topics.of(Topic.GOALS),
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> isGoalSet(r, goalId)));
        ConsumerRecord<String, byte[]> goalSet = records.stream().filter(r -> isGoalSet(r, goalId)).findFirst().orElseThrow();

        assertThat(goalSet.key()).isEqualTo(client);
        assertThat(KafkaTestClient.header(goalSet, CloudEventHeaders.SOURCE)).isEqualTo("goals-service");
        assertThat(KafkaTestClient.header(goalSet, CloudEventHeaders.TENANT)).isEqualTo(tenant);
        assertThat(KafkaTestClient.header(goalSet, CloudEventHeaders.SUBJECT)).isEqualTo(client);
        assertThat(KafkaTestClient.header(goalSet, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(KafkaTestClient.header(goalSet, CloudEventHeaders.TRACEPARENT))
                .as("the trace of the API request travels with the event")
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        JsonNode data = SealedEventData.opened(opener, goalSet);
        assertThat(schemas.violations(EventType.GOAL_SET, data)).isEmpty();
        assertThat(data.get("therapistId").asString()).isEqualTo(therapist);
        assertThat(data.get("weight").asInt()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> ours = records.stream()
                .filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent).toList();
        assertThat(ours).filteredOn(r -> client.equals(r.key()))
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventType.CLIENT_ASSIGNED.type(), EventType.GOAL_SET.type());
        assertThat(ours).filteredOn(r -> tenant.equals(r.key()))
                .extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .as("the tenant's safety settings, set before its first assignment")
                .containsExactly(EventType.TENANT_SAFETY_SETTINGS_UPDATED.type());
        for (ConsumerRecord<String, byte[]> record : ours) {
            EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
            assertThat(schemas.violations(type, SealedEventData.opened(opener, record))).as(type.type()).isEmpty();
        }
    }

    @Test
    void anotherTherapistCannotSeeTheClientsGoals() throws Exception {
        assign(client, therapist);
        mvc.perform(get("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.therapist(tenant, "someone-else")))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE));
        mvc.perform(get("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.therapist("other-tenant", therapist)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clients/{c}/goals", client)).andExpect(status().isUnauthorized());
    }

    @Test
    void invalidProposalIsRejectedNamingTheFields() throws Exception {
        assign(client, therapist);
        mvc.perform(post("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"\",\"weight\":11}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[1].field").value("weight"));
        mvc.perform(post("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"Sleep\",\"colour\":\"blue\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("colour"));
    }

    private void assign(String clientId, String therapistId) throws Exception {
        GoalsApi.setOnCallContact(mvc, tenant);
        mvc.perform(put("/caseload/clients/{c}", clientId)
                        .header("Authorization", TestTokens.admin(tenant, "admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"therapistId\":\"" + therapistId + "\"}"))
                .andExpect(status().isOk());
    }

    private static boolean isGoalSet(ConsumerRecord<String, byte[]> record, String goalId) {
        return EventType.GOAL_SET.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE))
                && new String(record.value()).contains(goalId);
    }
}
