package app.steady.homework.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventOpener;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.MutableClock;
import app.steady.testing.SealedEventData;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Homework through the API on the real broker and store, with a clock the test moves: assigning, completing
 * (idempotent), skipping, windows closing into missed occurrences, late completion, rescheduling only the future,
 * and every event valid against its schema.
 */
@SteadyIntegrationTest(properties = "steady.homework.clock-interval=1h")
class HomeworkApiIT {

    static final Instant MONDAY_0800_LONDON = Instant.parse("2026-06-01T07:00:00Z");

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(MONDAY_0800_LONDON);
        }
    }

    @Autowired
    EventOpener opener;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;
    @Autowired
    HomeworkClock homeworkClock;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;
    @Autowired
    CaseloadDirectory caseload;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        clock.set(MONDAY_0800_LONDON);
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    @Test
    void homeworkFromAssignmentToMissedAndLateCompletionPublishesValidEvents() throws Exception {
        String assignment = assignDailyBreathing("09:00", "PT1H");

        asClient(put(assignment + "/occurrences/2026-06-01T09:00/completion"), "{\"helpfulness\":4,\"difficulty\":2}")
                .andExpect(status().isOk());
        asClient(put(assignment + "/occurrences/2026-06-01T09:00/completion"), "{\"helpfulness\":5}")
                .andExpect(status().isOk());
        clock.set(Instant.parse("2026-06-02T07:30:00Z"));
        asClient(put(assignment + "/occurrences/2026-06-02T09:00/skip"), "{\"reason\":\"NOT_WELL\"}").andExpect(status().isOk());
        asClient(put(assignment + "/occurrences/2026-06-02T09:00/completion"), "{}").andExpect(status().isConflict());

        clock.set(Instant.parse("2026-06-03T09:30:00Z")); // Wednesday 10:30 London: the 09:00 window has closed
        homeworkClock.tick();
        asClient(get(assignment + "/occurrences").param("from", "2026-06-01T00:00:00Z"), null)
                .andExpect(jsonPath("$[0].state").value("COMPLETED"))
                .andExpect(jsonPath("$[0].helpfulness").value(4))
                .andExpect(jsonPath("$[1].state").value("SKIPPED"))
                .andExpect(jsonPath("$[2].state").value("MISSED"))
                .andExpect(jsonPath("$[2].dueLocal").value("2026-06-03T09:00:00"));
        asClient(put(assignment + "/occurrences/2026-06-03T09:00/completion"), "{}")
                .andExpect(status().isOk());
        asClient(get(assignment + "/occurrences").param("from", "2026-06-03T00:00:00Z"), null)
                .andExpect(jsonPath("$[0].state").value("COMPLETED"))
                .andExpect(jsonPath("$[0].late").value(true));
        asTherapist(put(assignment + "/occurrences/2026-06-01T09:00/quality"), "{\"rating\":5}")
                .andExpect(status().isOk());

        List<String> types = eventsOfTenant(7).stream().map(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE)).toList();
        // The second completion of the same occurrence caused no event; two days on, the horizon moved (updated).
        assertThat(types).containsExactly(EventType.HOMEWORK_ASSIGNED.type(), EventType.HOMEWORK_COMPLETED.type(),
                EventType.HOMEWORK_SKIPPED.type(), EventType.HOMEWORK_MISSED.type(), EventType.HOMEWORK_UPDATED.type(),
                EventType.HOMEWORK_COMPLETED.type(), EventType.HOMEWORK_QUALITY_RATED.type());
    }

    @Test
    void theAssignedEventCarriesTheOccurrencesRemindersNeed() throws Exception {
        assignDailyBreathing("20:00", "PT3H59M");
        ConsumerRecord<String, byte[]> assigned = eventsOfTenant(1).get(0);
        JsonNode data = SealedEventData.opened(opener, assigned);
        assertThat(data.get("timeZone").asString()).isEqualTo("Europe/London");
        assertThat(data.get("occurrences")).hasSize(14);
        JsonNode first = data.get("occurrences").get(0);
        assertThat(first.get("occurrenceId").asString()).isEqualTo("2026-06-01T20:00");
        assertThat(first.get("dueAt").asString()).isEqualTo("2026-06-01T19:00:00Z");
        assertThat(first.get("dueLocal").asString()).startsWith("2026-06-01T20:00");
        assertThat(first.get("windowClosesAt").asString()).isEqualTo("2026-06-01T22:59:00Z");
    }

    /** Issue 16, defect 7: every schedule edit added a span for ever, so an assignment's document grew without bound. */
    @Test
    void quickSuccessiveScheduleChangesDoNotPileUp() throws Exception {
        String assignment = assignDailyBreathing("09:00", "PT1H");
        for (String time : List.of("10:00", "11:00", "12:00", "13:00", "14:00")) {
            asTherapist(put(assignment + "/schedule"), schedule(time, "PT1H")).andExpect(status().isOk());
        }

        String id = assignment.substring(assignment.lastIndexOf('/') + 1);
        org.bson.Document stored = mongo.getCollection("assignments").find(new org.bson.Document("_id", id)).first();
        assertThat(stored.getList("schedules", org.bson.Document.class))
                .as("schedules none of which was ever in force are replaced, not kept").hasSize(1);
        asClient(get(assignment + "/occurrences").param("from", "2026-06-01T00:00:00Z").param("to", "2026-06-02T00:00:00Z"), null)
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].occurrenceId").value("2026-06-01T14:00"));
    }

    @Test
    void reschedulingChangesOnlyFutureOccurrences() throws Exception {
        String assignment = assignDailyBreathing("09:00", "PT1H");
        clock.set(Instant.parse("2026-06-02T12:00:00Z"));
        asTherapist(put(assignment + "/schedule"), schedule("18:00", "PT1H")).andExpect(status().isOk());

        asClient(get(assignment + "/occurrences").param("from", "2026-06-01T00:00:00Z").param("to", "2026-06-04T00:00:00Z"), null)
                .andExpect(jsonPath("$.length()").value(4))
                .andExpect(jsonPath("$[0].occurrenceId").value("2026-06-01T09:00"))
                .andExpect(jsonPath("$[1].occurrenceId").value("2026-06-02T09:00"))
                .andExpect(jsonPath("$[2].occurrenceId").value("2026-06-02T18:00"))
                .andExpect(jsonPath("$[3].occurrenceId").value("2026-06-03T18:00"));
        JsonNode updated = SealedEventData.opened(opener, eventsOfTenant(2).get(1));
        assertThat(updated.get("effectiveFrom").asString()).isEqualTo("2026-06-02T12:00:00Z");
        assertThat(updated.get("occurrences").get(0).get("occurrenceId").asString()).isEqualTo("2026-06-02T18:00");
    }

    @Test
    void aMoodLoggedForItsCheckInCompletesTheOccurrenceSoItIsNeverMissed() throws Exception {
        String assignment = asTherapist(post("/clients/{c}/assignments", client), assignmentBody(schedule("09:00", "PT1H"))
                        .replace("\"RELAXATION\"", "\"MOOD_CHECK_IN\"").replace("box-breathing", "daily-mood"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String assignmentId = assignment.substring(assignment.lastIndexOf('/') + 1);
        clock.set(Instant.parse("2026-06-01T08:10:00Z"));
        asClient(post("/clients/{c}/mood", client), """
                {"mood":6,"timeZone":"Europe/London","assignmentId":"%s","occurrenceId":"2026-06-01T09:00"}"""
                .formatted(assignmentId)).andExpect(status().isCreated());
        clock.set(Instant.parse("2026-06-01T12:00:00Z"));
        homeworkClock.tick();
        asClient(get(assignment + "/occurrences").param("from", "2026-06-01T00:00:00Z"), null)
                .andExpect(jsonPath("$[0].state").value("COMPLETED"));
    }

    @Test
    void theAgendaShowsTodayAndUpcomingInLocalTime() throws Exception {
        assignDailyBreathing("09:00", "PT1H");
        clock.set(Instant.parse("2026-06-01T08:30:00Z")); // 09:30 London: today's occurrence is open
        asClient(get("/clients/{c}/agenda", client).param("days", "2"), null)
                .andExpect(jsonPath("$[0].state").value("OPEN"))
                .andExpect(jsonPath("$[0].dueLocal").value("2026-06-01T09:00:00"))
                .andExpect(jsonPath("$[1].state").value("UPCOMING"));
    }

    @Test
    void invalidAssignmentsNameTheField() throws Exception {
        String valid = assignmentBody(schedule("09:00", "PT1H"));
        expectInvalid(valid.replace("\"RELAXATION\"", "\"DANCING\""), "kind");
        expectInvalid(valid.replace("\"expectedMinutes\":5", "\"expectedMinutes\":0"), "expectedMinutes");
        expectInvalid(valid.replace("Europe/London", "Mars/Olympus"), "schedule.timeZone");
        expectInvalid(valid.replace("Europe/London", "+02:00"), "schedule.timeZone");
        expectInvalid(valid.replace("\"09:00\"", "\"9am\""), "schedule.times[0]");
        expectInvalid(valid.replace("\"DAILY\"", "\"WEEKDAYS\""), "schedule.daysOfWeek");
        expectInvalid(valid.replace("\"endDate\":null", "\"endDate\":\"2026-01-01\""), "schedule.endDate");
        expectInvalid(valid.replace("\"kind\":\"RELAXATION\"", "\"kind\":\"QUESTIONNAIRE\""), "measure");
        asClient(get("/clients/{c}/assignments", client), null).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void onlyTheClientCompletesAndOnlyTheirTherapistSees() throws Exception {
        String assignment = assignDailyBreathing("09:00", "PT1H");
        asTherapist(put(assignment + "/occurrences/2026-06-01T09:00/completion"), "{}").andExpect(status().isForbidden());
        mvc.perform(get(assignment).header("Authorization", TestTokens.therapist(tenant, "another-therapist")))
                .andExpect(status().isNotFound());
        mvc.perform(get(assignment).header("Authorization", TestTokens.client(tenant, "another-client")))
                .andExpect(status().isNotFound());
        mvc.perform(get(assignment).header("Authorization", TestTokens.therapist("another-tenant", therapist)))
                .andExpect(status().isNotFound());
    }

    private String assignDailyBreathing(String time, String window) throws Exception {
        return asTherapist(post("/clients/{c}/assignments", client), assignmentBody(schedule(time, window)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private static String assignmentBody(String schedule) {
        return """
                {"kind":"RELAXATION","title":"Box breathing","instructions":"Four counts each","expectedMinutes":5,
                 "techniqueId":"box-breathing","schedule":%s}""".formatted(schedule);
    }

    private static String schedule(String time, String window) {
        return """
                {"recurrence":"DAILY","startDate":"2026-06-01","endDate":null,"times":["%s"],
                 "timeZone":"Europe/London","completionWindow":"%s"}""".formatted(time, window);
    }

    private void expectInvalid(String body, String field) throws Exception {
        asTherapist(post("/clients/{c}/assignments", client), body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private List<ConsumerRecord<String, byte[]>> eventsOfTenant(int atLeast) {
        List<ConsumerRecord<String, byte[]>> ours = KafkaTestClient.shared().readUntil(topics.of(Topic.HOMEWORK),
                        Duration.ofSeconds(30), records -> ofTenant(records).size() >= atLeast)
                .stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent).toList();
        for (ConsumerRecord<String, byte[]> record : ours) {
            EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
            assertThat(schemas.violations(type, SealedEventData.opened(opener, record))).as(type.type()).isEmpty();
            assertThat(record.key()).isEqualTo(client);
        }
        return ours;
    }

    private List<ConsumerRecord<String, byte[]>> ofTenant(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent).toList();
    }

    private ResultActions asClient(MockHttpServletRequestBuilder request, String body) throws Exception {
        return perform(request, TestTokens.client(tenant, client), body);
    }

    private ResultActions asTherapist(MockHttpServletRequestBuilder request, String body) throws Exception {
        return perform(request, TestTokens.therapist(tenant, therapist), body);
    }

    private ResultActions perform(MockHttpServletRequestBuilder request, String token, String body) throws Exception {
        request.header("Authorization", token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }
}
