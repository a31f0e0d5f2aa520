package app.steady.analytics.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.analytics.client.DisengagementWatch;
import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventOpener;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SealedEventData;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** The safety path of issue 14 as analytics sees it: every sign becomes exactly one flag, addressed to a real person or to nobody. */
@SteadyIntegrationTest
class SafetyPathIT {

    @Autowired
    EventOpener opener;
    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;
    @Autowired
    CaseloadDirectory caseload;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    DisengagementWatch disengagement;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final Instant now = Instant.now();

    @Test
    void aFlagOfAClientWithoutATherapistIsAddressedToNobodyNotToUnassigned() {
        publish(safetyAnswer(now));

        List<ConsumerRecord<String, byte[]>> raised = raisedEvents(1);
        JsonNode event = SealedEventData.opened(opener, raised.get(0));
        // EventJson leaves null fields out, so "no therapist" arrives as an absent therapistId (read as null), which
        // the contract allows: reminders routes such a flag to on-call at once.
        assertThat(event.get("therapistId") == null || event.get("therapistId").isNull()).as("therapistId of %s", event).isTrue();
        assertThat(schemas.violations(EventType.RISK_FLAG_RAISED, event)).isEmpty();
        assertThat(mongo.count(flagsOf(FlagKind.SAFETY_ITEM).addCriteria(Criteria.where("therapistId").exists(true)),
                "risk_flags")).isZero();
    }

    @Test
    void aLateEarlierAssessmentDoesNotHideTheDeteriorationOfTheNewest() {
        assign(now.minus(Duration.ofDays(60)));
        publish(phq9(16, now.minus(Duration.ofDays(1))));
        publish(phq9(10, now.minus(Duration.ofDays(30)))); // the baseline arrives late (a re-driven dead letter)

        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.RELIABLE_DETERIORATION) == 1);
    }

    @Test
    void theSameSignWhileItsFlagIsOpenAddsEvidenceWithoutANewPageAndAfterAcknowledgementRaisesANewFlag() throws Exception {
        assign(now.minus(Duration.ofDays(30)));
        publish(safetyAnswer(now.minus(Duration.ofDays(2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.SAFETY_ITEM) == 1);
        publish(safetyAnswer(now.minus(Duration.ofDays(1))));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(flagList())
                .contains("again on " + now.minus(Duration.ofDays(1)).toString().substring(0, 10)
                        + ": PHQ-9 item 9 answered 1 or more"));
        assertThat(flags(FlagKind.SAFETY_ITEM)).isEqualTo(1);
        String flagId = JsonPath.read(flagList(), "$[0].id");
        mvc.perform(post("/clients/{c}/flags/{f}/acknowledgement", client, flagId)
                .header("Authorization", TestTokens.therapist(tenant, therapist))).andExpect(status().isOk());

        publish(safetyAnswer(now));
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.SAFETY_ITEM) == 2);
        assertThat(raisedEvents(2)).hasSize(2);
    }

    @Test
    void missedOccurrencesAreNotActivityAndAClientWhoNeverDidAnythingIsFound() {
        String idle = "client-" + UUID.randomUUID();
        assign(now.minus(Duration.ofDays(30)));
        publish(new ClientAssigned(idle, therapist, now.minus(Duration.ofDays(20))));
        publish(new HomeworkCompleted("a-1", client, "o-1", "RELAXATION", days(-20), days(-20), false, 4, 2));
        for (int day = -5; day <= -2; day++) {
            publish(new HomeworkMissed("a-1", client, "o" + day, "RELAXATION", days(day), days(day).plusSeconds(3600)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("homework.a-1@o-2").exists(true)), "client_records") == 1
                && mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("clientId").is(idle)), "client_records") == 1);

        disengagement.look();

        assertThat(flags(FlagKind.DISENGAGEMENT)).isEqualTo(1);
        assertThat(mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("clientId").is(idle)
                .and("kind").is(FlagKind.DISENGAGEMENT)), "risk_flags")).isEqualTo(1);
    }

    @Test
    void theClientsOwnProgressCarriesNoBandsLabelsOrFlags() throws Exception {
        assign(now.minus(Duration.ofDays(60)));
        publish(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9", List.of(3, 3, 2, 2, 2, 2, 2, 1, 1),
                18, "MODERATELY_SEVERE", true, days(-40)));
        publish(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "GAD-7", List.of(3, 3, 3, 3, 2, 2, 2),
                18, "SEVERE", false, days(-40)));
        publish(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "GAD-7", List.of(1, 1, 1, 1, 1, 1, 1),
                7, "MILD", false, days(-1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.SAFETY_ITEM) == 1);

        String progress = mvc.perform(get("/clients/{c}/progress", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString().toLowerCase();
        assertThat(progress).contains("18");
        assertThat(progress).doesNotContain("severe", "moderate", "mild", "minimal", "band", "caseness", "risk", "flag",
                "deteriorat", "recover", "reliabl", "remission", "attention");
    }

    @Test
    void theTreatingTherapistOpensANewEpisodeOfCare() throws Exception {
        assign(now.minus(Duration.ofDays(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("clientId").is(client).and("episodes.0").exists(true)), "client_records") == 1);

        mvc.perform(post("/clients/{c}/episodes", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(status().isCreated())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.number").value(2))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.start").value("OPENED"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.therapistId").value(therapist));
        mvc.perform(post("/clients/{c}/episodes", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/clients/{c}/summary", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.episode.number").value(2));
    }

    private String flagList() throws Exception {
        return mvc.perform(get("/clients/{c}/flags", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andReturn().getResponse().getContentAsString();
    }

    private AssessmentCompleted safetyAnswer(Instant at) {
        return new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9",
                List.of(0, 0, 1, 0, 0, 0, 0, 0, 1), 2, "MINIMAL", true, at);
    }

    private AssessmentCompleted phq9(int total, Instant at) {
        return new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9",
                List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), total, "MODERATE", false, at);
    }

    private void assign(Instant at) {
        publish(new ClientAssigned(client, therapist, at));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseload.therapistOf(tenant, client).isPresent());
    }

    private void publish(EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    private List<ConsumerRecord<String, byte[]>> raisedEvents(int atLeast) {
        return raised(KafkaTestClient.shared().readUntil(topics.of(Topic.ANALYTICS), Duration.ofSeconds(30),
                records -> raised(records).size() >= atLeast));
    }

    private List<ConsumerRecord<String, byte[]>> raised(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT))
                && EventType.RISK_FLAG_RAISED.type().equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE))).toList();
    }

    private Query flagsOf(FlagKind kind) {
        return Query.query(Criteria.where("tenantId").is(tenant).and("clientId").is(client).and("kind").is(kind));
    }

    private long flags(FlagKind kind) {
        return mongo.count(flagsOf(kind), "risk_flags");
    }

    private Instant days(int offset) {
        return now.plus(Duration.ofDays(offset));
    }
}
