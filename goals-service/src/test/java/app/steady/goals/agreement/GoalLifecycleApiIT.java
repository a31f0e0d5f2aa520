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
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** A goal's whole life through the API, and every event it causes on the real broker, valid against its schema. */
@SteadyIntegrationTest
class GoalLifecycleApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventSchemas schemas;
    @Autowired
    EventOpener opener;
    @Autowired
    EventJson json;
    GoalsApi api;

    @BeforeEach
    void caseload() throws Exception {
        api = new GoalsApi(mvc);
        api.assignClient();
    }

    @Test
    void aGoalFromProposalToAchievementPublishesEachEventValidAgainstItsSchema() throws Exception {
        String strength = json.readTree(api.asClient(post("/clients/{c}/strengths", api.client),
                        "{\"kind\":\"SUPPORT\",\"description\":\"My sister walks with me\"}")
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString();
        String goal = api.propose(GoalsApi.SCALED_GOAL.replace("\"weight\":2", "\"weight\":2,\"strengthIds\":[\"" + strength + "\"]"));

        api.asTherapist(post(goal + "/agreement"), "{\"version\":1}")
                .andExpect(jsonPath("$.status").value("AGREED"));
        api.asClient(post(goal + "/check-ins"), "{\"attainmentScore\":1,\"confidence\":7,\"note\":\"Four walks\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.latestCheckIn.attainmentScore").value(1));
        String plain = api.agreedGoal(GoalsApi.PLAIN_GOAL);
        api.asClient(post(plain + "/check-ins"), "{\"percentComplete\":50,\"confidence\":6}").andExpect(status().isCreated());
        api.asClient(get("/clients/{c}/goal-progress", api.client), null)
                .andExpect(jsonPath("$.attainmentTScore").value(60.0))
                .andExpect(jsonPath("$.activeGoals.length()").value(2));
        // The old path answers the same for one release, and says it is deprecated and what replaces it.
        api.asClient(get("/clients/{c}/progress", api.client), null)
                .andExpect(jsonPath("$.attainmentTScore").value(60.0))
                .andExpect(header().string("Deprecation", "@1796169600"))
                .andExpect(header().string("Sunset", "Mon, 01 Mar 2027 00:00:00 GMT"))
                .andExpect(header().string("Link", "</clients/" + api.client + "/goal-progress>; rel=\"successor-version\""));

        api.asTherapist(post(goal + "/revision"), GoalsApi.SCALED_GOAL.replace("Walk most mornings", "Walk every morning"))
                .andExpect(jsonPath("$.pendingRevision.title").value("Walk every morning"))
                .andExpect(jsonPath("$.content.title").value("Walk most mornings"));
        api.asClient(post(goal + "/agreement"), "{\"version\":2}")
                .andExpect(jsonPath("$.content.title").value("Walk every morning"))
                .andExpect(jsonPath("$.history[0].status").value("REVISED"))
                .andExpect(jsonPath("$.history[0].content.title").value("Walk most mornings"));
        api.asClient(post(goal + "/achievement"), null).andExpect(jsonPath("$.status").value("ACHIEVED"));
        api.asTherapist(post(plain + "/discontinuation"), "{\"reason\":\"CIRCUMSTANCES_CHANGED\",\"note\":\"New job\"}")
                .andExpect(jsonPath("$.status").value("DISCONTINUED"));
        api.asClient(put("/clients/{c}/wellness-plan/draft", api.client), """
                {"warningSigns":["Sleeping past noon"],"copingStrategies":["Text my sister"],
                 "restorativeActivities":["Swimming"],"contacts":[{"name":"Sam","relationship":"sister","phone":"+44 7700 900123"}]}""")
                .andExpect(jsonPath("$.draftVersion").value(1));
        api.asTherapist(post("/clients/{c}/wellness-plan/agreement", api.client), "{\"version\":1}")
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.plan.copingStrategies[0]").value("Text my sister"));

        List<String> expected = List.of(EventType.CLIENT_ASSIGNED.type(), EventType.GOAL_SET.type(),
                EventType.GOAL_PROGRESS_RECORDED.type(), EventType.GOAL_SET.type(), EventType.GOAL_PROGRESS_RECORDED.type(),
                EventType.GOAL_REVISED.type(), EventType.GOAL_ACHIEVED.type(), EventType.GOAL_DISCONTINUED.type(),
                EventType.WELLNESS_PLAN_UPDATED.type());
        List<ConsumerRecord<String, byte[]>> ours = ofClient(KafkaTestClient.shared().readUntil(topics.of(Topic.GOALS),
                Duration.ofSeconds(30), records -> ofClient(records).size() >= expected.size()));

        assertThat(ours).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE)).containsExactlyElementsOf(expected);
        for (ConsumerRecord<String, byte[]> record : ours) {
            EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
            String wire = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(wire).as("nothing of the client's words in clear on the wire")
                    .doesNotContain("Four walks", "New job", "sister", "CIRCUMSTANCES_CHANGED");
            JsonNode data = SealedEventData.opened(opener, record);
            assertThat(schemas.violations(type, data)).as(type.type()).isEmpty();
            assertThat(record.key()).isEqualTo(api.client);
            if (type == EventType.WELLNESS_PLAN_UPDATED) {
                // By contract (docs/events.md, issue 14) the agreed plan's coping steps and contacts travel, sealed, so
                // that homework-service can show the client their own plan right after a safety answer.
                assertThat(data.toString()).contains("Text my sister").doesNotContain("Four walks", "New job");
            } else {
                assertThat(data.toString()).as("no free text in events").doesNotContain("Four walks", "New job", "sister");
            }
        }
        Map<String, JsonNode> byType = ours.stream().collect(Collectors.toMap(
                r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE), r -> SealedEventData.opened(opener, r),
                (first, later) -> first));
        assertThat(byType.get(EventType.GOAL_PROGRESS_RECORDED.type()).get("clientTScore").asDouble()).isEqualTo(60.0);
        assertThat(byType.get(EventType.GOAL_SET.type()).get("attainmentScaled").asBoolean()).isTrue();
        assertThat(byType.get(EventType.GOAL_DISCONTINUED.type()).get("reason").asString()).isEqualTo("CIRCUMSTANCES_CHANGED");
    }

    @Test
    void therapistsSeeTheGoalsOfTheirCaseloadPagedAndSorted() throws Exception {
        for (String title : List.of("B goal", "A goal", "C goal")) {
            api.propose("{\"title\":\"" + title + "\"}");
        }
        api.asTherapist(get("/therapists/me/goals").param("sort", "content.title,asc").param("size", "2"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].content.title").value("A goal"))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.totalPages").value(2));
        api.asTherapist(get("/therapists/me/goals").param("status", "ACTIVE"), null)
                .andExpect(jsonPath("$.totalItems").value(0));
        api.asTherapist(get("/therapists/me/goals").param("sort", "secretField,asc"), null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
        api.asClient(get("/therapists/me/goals"), null).andExpect(status().isForbidden());
        api.asTherapist(get("/clients/{c}/goals", api.client).param("status", "PROPOSED"), null)
                .andExpect(jsonPath("$.length()").value(3));
    }

    /** Issue 16, defect 1: the caseload list follows the current caseload, not the therapist a goal was proposed with. */
    @Test
    void aFormerTherapistNoLongerSeesTheGoalsOfAReassignedClient() throws Exception {
        api.propose("{\"title\":\"Walk every morning\"}");
        api.asTherapist(get("/therapists/me/goals"), null).andExpect(jsonPath("$.totalItems").value(1));

        String successor = "therapist-" + java.util.UUID.randomUUID();
        api.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .put("/caseload/clients/{c}", api.client)
                        .header("Authorization", TestTokens.admin(api.tenant, "admin"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"therapistId\":\"" + successor + "\"}"))
                .andExpect(status().isOk());

        api.asTherapist(get("/therapists/me/goals"), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(0))
                .andExpect(jsonPath("$.items.length()").value(0));
        api.mvc.perform(get("/therapists/me/goals").header("Authorization", TestTokens.therapist(api.tenant, successor)))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].content.title").value("Walk every morning"));
    }

    /** The client's events (the tenant's own, such as its safety settings, are keyed by the tenant). */
    private List<ConsumerRecord<String, byte[]>> ofClient(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().filter(r -> api.tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(r -> api.client.equals(r.key()))
                .filter(KafkaTestClient::isBusinessEvent).toList();
    }
}
