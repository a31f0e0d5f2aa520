package app.steady.analytics.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.analytics.flags.FlagKind;
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
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** Client analytics and risk flags from events on the real broker and store, read through the API. */
@SteadyIntegrationTest
class ClientAnalyticsIT {

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
    @Autowired
    TherapistCaseloads caseloads;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final Instant now = Instant.now();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    /**
     * Issue 17: the dashboard reads the therapist's list of clients and their records by id (on the embedded store
     * a query for every record of the therapist reads all records). The list follows reassignments; a name a crash
     * left behind is not shown; lists missing after an upgrade are built from the records.
     */
    @Test
    void theDashboardReadsTheTherapistsListAndShowsOnlyClientsStillTheirs() throws Exception {
        String other = "therapist-" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30)).until(() -> caseloads.listed(tenant, therapist).contains(client));
        assertThat(caseloadOf(therapist)).contains(client);

        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, tenant, client),
                json.write(new ClientAssigned(client, other, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseloads.listed(tenant, other).contains(client)
                && !caseloads.listed(tenant, therapist).contains(client));
        assertThat(caseloadOf(other)).contains(client);
        assertThat(caseloadOf(therapist)).doesNotContain(client);

        caseloads.list(tenant, therapist, client);   // as if the unlisting after the record's write was lost
        assertThat(caseloadOf(therapist)).as("the record names another therapist").doesNotContain(client);

        mongo.getCollection(TherapistCaseloads.COLLECTION).drop();
        assertThat(caseloads.buildIfMissing()).isPositive();
        assertThat(caseloads.listed(tenant, other)).containsExactly(client);
        assertThat(caseloadOf(other)).contains(client);
    }

    private String caseloadOf(String who) throws Exception {
        return mvc.perform(get("/therapists/me/caseload").header("Authorization", TestTokens.therapist(tenant, who)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void outcomesAreCategorisedAndTheStatusExplainsItself() throws Exception {
        assessment("PHQ-9", List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), 16, "MODERATELY_SEVERE", false, days(-42));
        assessment("PHQ-9", List.of(1, 1, 1, 1, 1, 1, 1, 2, 0), 9, "MILD", false, days(-1));
        assessment("GAD-7", List.of(1, 1, 1, 1, 1, 1, 0), 6, "MILD", false, days(-42));
        assessment("GAD-7", List.of(2, 2, 2, 1, 1, 1, 1), 10, "MODERATE", false, days(-1));

        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.RELIABLE_DETERIORATION) == 1);
        mvc.perform(get("/clients/{c}/summary", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcomes[0].measure").value("GAD-7"))
                .andExpect(jsonPath("$.outcomes[0].outcome").value("RELIABLY_DETERIORATED"))
                .andExpect(jsonPath("$.outcomes[1].outcome").value("RECOVERED"))
                .andExpect(jsonPath("$.outcomes[1].response").value(false))
                .andExpect(jsonPath("$.status").value("NEEDS_ATTENTION"))
                .andExpect(jsonPath("$.because[0]").value(org.hamcrest.Matchers.containsString("flag")));
    }

    @Test
    void aSafetyItemRaisesOneHighFlagWhateverTheRedeliveriesAndTheTherapistAcknowledgesIt() throws Exception {
        Map<String, String> headers = TestEvents.headers(EventType.ASSESSMENT_COMPLETED, tenant, client);
        byte[] data = json.write(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, "PHQ-9",
                List.of(0, 0, 1, 0, 0, 0, 0, 0, 1), 2, "MINIMAL", true, now));
        KafkaTestClient.shared().send(topics.of(Topic.HOMEWORK), client, headers, data);
        KafkaTestClient.shared().send(topics.of(Topic.HOMEWORK), client, headers, data); // the same event again

        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.SAFETY_ITEM) == 1);
        String flagId = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/clients/{c}/flags", client)
                        .header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(jsonPath("$[0].priority").value("HIGH"))
                .andExpect(jsonPath("$[0].evidence[0]").value(org.hamcrest.Matchers.containsString("item 9")))
                .andReturn().getResponse().getContentAsString(), "$[0].id");

        mvc.perform(get("/clients/{c}/flags", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{c}/flags/{f}/acknowledgement", client, flagId)
                        .header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(jsonPath("$.open").value(false));

        List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.shared().readUntil(topics.of(Topic.ANALYTICS),
                Duration.ofSeconds(30), records -> ofTenant(records).size() >= 2);
        assertThat(ofTenant(events)).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventType.RISK_FLAG_RAISED.type(), EventType.RISK_FLAG_ACKNOWLEDGED.type());
        for (ConsumerRecord<String, byte[]> record : ofTenant(events)) {
            EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
            JsonNode event = SealedEventData.opened(opener, record);
            assertThat(schemas.violations(type, event)).isEmpty();
            assertThat(event.get("therapistId").asString()).isEqualTo(therapist);
        }
    }

    @Test
    void threeMissesInARowRaiseAFlagAndTheClientSeesOnlyPlainWords() throws Exception {
        homework(new HomeworkCompleted("a-1", client, "o-1", "RELAXATION", days(-5), days(-5), false, 4, 2));
        homework(new HomeworkMissed("a-1", client, "o-2", "RELAXATION", days(-4), days(-4).plusSeconds(3600)));
        homework(new HomeworkMissed("a-1", client, "o-3", "RELAXATION", days(-3), days(-3).plusSeconds(3600)));
        homework(new HomeworkMissed("a-1", client, "o-4", "RELAXATION", days(-2), days(-2).plusSeconds(3600)));
        homework(new HomeworkMissed("a-1", client, "o-5", "RELAXATION", days(-1), days(-1).plusSeconds(3600)));

        await().atMost(Duration.ofSeconds(30)).until(() -> flags(FlagKind.MISSED_HOMEWORK) == 1);
        String progress = mvc.perform(get("/clients/{c}/progress", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.practiceDoneLast28DaysPercent").value(20))
                .andReturn().getResponse().getContentAsString();
        assertThat(progress.toLowerCase()).doesNotContain("flag", "attention", "caseness", "deteriorat");
        mvc.perform(get("/clients/{c}/summary", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/clients/{c}/summary", client).header("Authorization", TestTokens.therapist(tenant, "another")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/therapists/me/caseload").header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(jsonPath("$[0].clientId").value(client))
                .andExpect(jsonPath("$[0].status").value("NEEDS_ATTENTION"));
    }

    @Test
    void aFallInHomeworkSteeperThanTheExpectedOneToTwoPointsAWeekIsExplainedToTheTherapistOnly() throws Exception {
        // 4 occurrences due in each of the last 8 calendar weeks: 100 % for 4 weeks, then 50, 50, 25, 25 %
        int[] completed = {4, 4, 4, 4, 2, 2, 1, 1};
        for (int week = 0; week < completed.length; week++) {
            for (int i = 0; i < 4; i++) {
                Instant due = days(-7 * (completed.length - 1 - week)).minusSeconds(60 + i);
                String occurrence = "o-" + week + "-" + i;
                homework(i < completed[week]
                        ? new HomeworkCompleted("a-1", client, occurrence, "RELAXATION", due, due, false, 4, 2)
                        : new HomeworkMissed("a-1", client, occurrence, "RELAXATION", due, due.plusSeconds(1)));
            }
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/clients/{c}/summary", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                        .andExpect(jsonPath("$.adherenceDecay.baselineRate").value(1.0))
                        .andExpect(jsonPath("$.adherenceDecay.expectedPointsPerWeek").value("-1 to -2"))
                        .andExpect(jsonPath("$.adherenceDecay.steeperThanExpected").value(true))
                        .andExpect(jsonPath("$.adherenceDecay.weeks").value(8))
                        .andExpect(jsonPath("$.because").value(org.hamcrest.Matchers.hasItem(
                                org.hamcrest.Matchers.startsWith("homework completion falling")))));
        String progress = mvc.perform(get("/clients/{c}/progress", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(progress.toLowerCase()).doesNotContain("decay", "falling", "expected");
    }

    @Test
    void aClientQuietForTwoWeeksIsFlaggedOnceAndGoalProgressShowsTheirTScore() throws Exception {
        homework(new HomeworkCompleted("a-1", client, "o-1", "RELAXATION", days(-20), days(-20), false, 5, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("clientId").is(client).and("lastActivityAt").exists(true)), "client_records") == 1);
        disengagement.look();
        disengagement.look();
        assertThat(flags(FlagKind.DISENGAGEMENT)).isEqualTo(1);

        KafkaTestClient.shared().send(topics.of(Topic.GOALS), client, TestEvents.headers(EventType.GOAL_PROGRESS_RECORDED, tenant, client),
                json.write(new app.steady.events.goals.GoalProgressRecorded("g-1", client, therapist, "c-1", 1, null, 7, 60.0, now)));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get("/clients/{c}/progress", client).header("Authorization", TestTokens.client(tenant, client)))
                        .andExpect(jsonPath("$.goals.attainmentTScore").value(60.0)));
    }

    private void assessment(String measure, List<Integer> items, int total, String band, boolean safety, Instant at) {
        homework(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, measure, items, total, band, safety, at));
    }

    private void homework(EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    private long flags(FlagKind kind) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("clientId").is(client).and("kind").is(kind)),
                "risk_flags");
    }

    private Instant days(int offset) {
        return now.plus(Duration.ofDays(offset));
    }

    private List<ConsumerRecord<String, byte[]>> ofTenant(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent).toList();
    }
}
