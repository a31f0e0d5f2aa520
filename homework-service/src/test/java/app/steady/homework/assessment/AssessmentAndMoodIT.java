package app.steady.homework.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
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
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** Questionnaires scored and flagged, mood logged in local time; their events valid and free of free text. */
@SteadyIntegrationTest
class AssessmentAndMoodIT {

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

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, "therapist-1");
    }

    @Test
    void aPhq9WithItemNineAnsweredIsScoredAndCarriesTheSafetySignalToClinicians() throws Exception {
        asClient("/clients/{c}/assessments", "{\"measure\":\"PHQ-9\",\"items\":[2,2,1,2,1,2,1,2,1]}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(14))
                .andExpect(jsonPath("$.band").doesNotExist())
                .andExpect(jsonPath("$.safetySignal").doesNotExist());
        JsonNode event = SealedEventData.opened(opener, eventOfType(EventType.ASSESSMENT_COMPLETED));
        assertThat(event.get("safetySignal").asBoolean()).isTrue();
        assertThat(event.get("band").asString()).isEqualTo("MODERATE");
        mvc.perform(get("/clients/{c}/assessments", client).header("Authorization", TestTokens.therapist(tenant, "therapist-1")))
                .andExpect(jsonPath("$.items[0].band").value("MODERATE"))
                .andExpect(jsonPath("$.items[0].caseness").value(true))
                .andExpect(jsonPath("$.items[0].safetySignal").value(true))
                .andExpect(jsonPath("$.items[0].supportOffered").value(true));
    }

    @Test
    void everyItemIsValidated() throws Exception {
        asClient("/clients/{c}/assessments", "{\"measure\":\"PHQ-9\",\"items\":[1,1,1,1,1,1,1,1]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items"));
        asClient("/clients/{c}/assessments", "{\"measure\":\"GAD-7\",\"items\":[1,1,1,4,1,1,1]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("items[3]"));
        asClient("/clients/{c}/assessments", "{\"measure\":\"BDI-II\",\"items\":[1]}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("measure"));
        mvc.perform(get("/clients/{c}/assessments", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void moodIsLoggedInTheClientsLocalTimeWithoutItsNoteInTheEvent() throws Exception {
        asClient("/clients/{c}/mood", """
                {"mood":3,"anxiety":7,"energy":2,"sleepHours":5.5,"emotions":["anxious","tired"],
                 "note":"Argument at work","timeZone":"Australia/Sydney"}""")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.note").value("Argument at work"))
                .andExpect(jsonPath("$.timeZone").value("Australia/Sydney"));
        ConsumerRecord<String, byte[]> logged = eventOfType(EventType.MOOD_LOGGED);
        assertThat(new String(logged.value())).doesNotContain("Argument");
        asClient("/clients/{c}/mood", "{\"mood\":11,\"timeZone\":\"Europe/London\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("mood"));
        asClient("/clients/{c}/mood", "{\"mood\":5,\"emotions\":[\"hangry\"],\"timeZone\":\"Europe/London\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("emotions"));
        asClient("/clients/{c}/mood", "{\"mood\":5,\"timeZone\":\"Nowhere/Land\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("timeZone"));
    }

    private ConsumerRecord<String, byte[]> eventOfType(EventType type) {
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.shared().readUntil(topics.of(Topic.HOMEWORK),
                Duration.ofSeconds(30), read -> read.stream().anyMatch(r -> ours(r, type)));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> ours(r, type)).findFirst().orElseThrow();
        assertThat(schemas.violations(type, SealedEventData.opened(opener, record))).isEmpty();
        return record;
    }

    private boolean ours(ConsumerRecord<String, byte[]> record, EventType type) {
        return tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT))
                && type.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }

    private ResultActions asClient(String path, String body) throws Exception {
        return mvc.perform(post(path, client).header("Authorization", TestTokens.client(tenant, client))
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
