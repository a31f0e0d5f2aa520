package app.steady.analytics.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

/** The weekly digest (once per therapist and week, published and readable) and provider aggregates with small cells suppressed. */
@SteadyIntegrationTest
class DigestAndProviderOutcomesIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    WeeklyDigests digests;

    final String tenant = "tenant-" + UUID.randomUUID();

    @Test
    void digestsAreMadeOncePerWeekAndAggregatesHideCellsUnderTenClients() throws Exception {
        for (int i = 0; i < 12; i++) {
            client("therapist-a", "a-" + i, 16, 8);
        }
        for (int i = 0; i < 3; i++) {
            client("therapist-b", "b-" + i, 12, 12);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("assessments.1").exists(true)), "client_records") == 15);

        mvc.perform(get("/tenant/outcomes").header("Authorization", TestTokens.admin(tenant, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.byTherapist[0].group").value("therapist-a"))
                .andExpect(jsonPath("$.byTherapist[0].clients").value(12))
                .andExpect(jsonPath("$.byTherapist[0].recoveryRate").value(1.0))
                .andExpect(jsonPath("$.byTherapist[0].outcomes.RELIABLE_RECOVERY").value(12))
                .andExpect(jsonPath("$.byTherapist[0].reliableRecoveryRate").value(1.0))
                .andExpect(jsonPath("$.byTherapist[0].episodes").value(12))
                .andExpect(jsonPath("$.byTherapist[1].suppressed").value(true))
                .andExpect(jsonPath("$.byTherapist[1].clients").doesNotExist())
                .andExpect(jsonPath("$.tenant.clients").value(15));
        mvc.perform(get("/tenant/outcomes").header("Authorization", TestTokens.therapist(tenant, "therapist-a")))
                .andExpect(status().isForbidden());

        LocalDate week = LocalDate.parse("2026-11-16");
        digests.make(tenant, "therapist-b", week, Instant.now());
        digests.make(tenant, "therapist-b", week, Instant.now());
        mvc.perform(get("/therapists/me/digest").header("Authorization", TestTokens.therapist(tenant, "therapist-b")))
                .andExpect(jsonPath("$.clients").value(3))
                .andExpect(jsonPath("$.weekStarting").value("2026-11-16"));
        List<ConsumerRecord<String, byte[]>> ready = KafkaTestClient.shared().readUntil(topics.of(Topic.ANALYTICS),
                        Duration.ofSeconds(30), records -> ofTenant(records, week).size() >= 1);
        assertThat(ofTenant(ready, week)).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("therapist-b");
            assertThat(schemas.violations(EventType.THERAPIST_DIGEST_READY, json.readTree(record.value()))).isEmpty();
        });
    }

    private void client(String therapist, String client, int baseline, int latest) {
        send(client, new ClientAssigned(client, therapist, Instant.now()), EventType.CLIENT_ASSIGNED);
        send(client, new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                baseline, "MODERATE", false, Instant.now().minus(Duration.ofDays(40))), EventType.ASSESSMENT_COMPLETED);
        send(client, new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9", List.of(0, 0, 0, 0, 0, 0, 0, 0, 0),
                latest, "MILD", false, Instant.now()), EventType.ASSESSMENT_COMPLETED);
    }

    private void send(String client, app.steady.events.EventData data, EventType type) {
        KafkaTestClient.shared().send(topics.of(type.topic()), client, TestEvents.headers(type, tenant, client), json.write(data));
    }

    /**
     * The tenant's digests of that week. The clock of any test context running meanwhile may make the tenant's digests
     * of last week (every therapist's, when it ticks): those are not the ones this test made.
     */
    private List<ConsumerRecord<String, byte[]>> ofTenant(List<ConsumerRecord<String, byte[]>> records, LocalDate week) {
        return records.stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT))
                && EventType.THERAPIST_DIGEST_READY.type().equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                && week.toString().equals(json.readTree(r.value()).path("weekStarting").asString())).toList();
    }
}
