package app.steady.homework.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.goals.TenantSafetySettingsUpdated;
import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.events.homework.ClientSupportOffered;
import app.steady.homework.ClinicalLabels;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventOpener;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SealedEventData;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * After a positive answer to PHQ-9 item 9 the client is supported at once (shared CLINICAL.md, "What the client
 * sees"): supportive words that say their therapist will be told, the steps and contacts of their own wellness plan
 * (kept from goals-service's events) and their provider's crisis resources for their locale, in the answer and in the
 * client's app event; on the real broker and store.
 */
@SteadyIntegrationTest
class SafetySupportIT {

    /** Total 4, item 9 (thoughts of self-harm) answered 1: low total, safety answer all the same. */
    static final String SAFETY_ANSWER = "{\"measure\":\"PHQ-9\",\"items\":[1,1,0,1,0,0,0,0,1]}";
    static final String NO_SAFETY_ANSWER = "{\"measure\":\"PHQ-9\",\"items\":[1,1,0,1,0,0,0,0,0]}";

    static final TenantSafetySettingsUpdated.CrisisResource SAMARITANS = new TenantSafetySettingsUpdated.CrisisResource(
            "Samaritans", "116 123", null, "https://www.samaritans.org", "en-GB");
    static final TenantSafetySettingsUpdated.CrisisResource TELEFONSEELSORGE = new TenantSafetySettingsUpdated.CrisisResource(
            "TelefonSeelsorge", "0800 111 0 111", null, "https://www.telefonseelsorge.de", "de-DE");

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
    TenantSafetyDirectory safety;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    @Test
    void aSafetyAnswerBringsSupportiveWordsTheClientsOwnPlanAndTheCrisisResourcesOfTheirLocale() throws Exception {
        settings(SAMARITANS, TELEFONSEELSORGE);
        planVersion(1, List.of("Go for a walk with the dog", "Call my sister"),
                List.of(new WellnessPlanUpdated.Contact("Maya", "sister", "+44 7700 900123")));
        awaitPlanVersion(1);

        ResultActions answer = submit(SAFETY_ANSWER, "de-DE,de;q=0.9,en;q=0.5")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.support.supportiveText").value(
                        "Thank you for telling us how you have been feeling. You don't have to face this alone. "
                                + "Your therapist will see your answers and get in touch. "
                                + "Your wellness plan is below, in case it helps right now. "
                                + "If you need to talk to someone now, these services are there for you."))
                .andExpect(jsonPath("$.support.wellnessPlanSteps[0]").value("Go for a walk with the dog"))
                .andExpect(jsonPath("$.support.wellnessPlanSteps[1]").value("Call my sister"))
                .andExpect(jsonPath("$.support.contacts[0].name").value("Maya"))
                .andExpect(jsonPath("$.support.contacts[0].relationship").value("sister"))
                .andExpect(jsonPath("$.support.contacts[0].phone").value("+44 7700 900123"))
                .andExpect(jsonPath("$.support.crisisResources.length()").value(1))
                .andExpect(jsonPath("$.support.crisisResources[0].name").value("TelefonSeelsorge"))
                .andExpect(jsonPath("$.support.crisisResources[0].phone").value("0800 111 0 111"))
                .andExpect(jsonPath("$.support.crisisResources[0].locale").value("de-DE"));
        String body = answer.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        ClinicalLabels.assertNoneIn(body);

        String assessmentId = json.readTree(body).get("id").asString();
        ClientSupportOffered offered = supportOffered(1).get(0);
        assertThat(offered.assessmentId()).isEqualTo(assessmentId);
        assertThat(offered.clientId()).isEqualTo(client);
        assertThat(offered.supportiveText()).startsWith("Thank you for telling us").contains("Your therapist will see");
        assertThat(offered.wellnessPlanSteps()).containsExactly("Go for a walk with the dog", "Call my sister");
        assertThat(offered.contacts()).containsExactly(
                new ClientSupportOffered.SupportContact("Maya", "sister", "+44 7700 900123"));
        assertThat(offered.crisisResources()).containsExactly(new ClientSupportOffered.CrisisResource(
                "TelefonSeelsorge", "0800 111 0 111", null, "https://www.telefonseelsorge.de", "de-DE"));
    }

    @Test
    void withoutCrisisResourcesOrAPlanTheClientIsPointedToLocalEmergencyServicesWithoutOneCountrysNumber()
            throws Exception {
        String text = "Thank you for telling us how you have been feeling. You don't have to face this alone. "
                + "Your therapist will see your answers and get in touch. If you feel you can't keep yourself safe "
                + "right now, call your local emergency number or go to your nearest emergency department.";
        submit(SAFETY_ANSWER, "en-US")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.support.supportiveText").value(text))
                .andExpect(jsonPath("$.support.wellnessPlanSteps.length()").value(0))
                .andExpect(jsonPath("$.support.contacts.length()").value(0))
                .andExpect(jsonPath("$.support.crisisResources.length()").value(0))
                .andExpect(jsonPath("$.support.supportiveText").value(not(containsString("9"))));

        ClientSupportOffered offered = supportOffered(1).get(0);
        assertThat(offered.supportiveText()).isEqualTo(text).doesNotContainPattern("\\d");
        assertThat(offered.crisisResources()).isEmpty();
    }

    @Test
    void aLocaleWithoutResourcesOfItsOwnFallsBackToItsLanguageThenToAll() throws Exception {
        settings(SAMARITANS, TELEFONSEELSORGE);

        submit(SAFETY_ANSWER, "en-US,en;q=0.8")
                .andExpect(jsonPath("$.support.crisisResources.length()").value(1))
                .andExpect(jsonPath("$.support.crisisResources[0].name").value("Samaritans"));
        submit(SAFETY_ANSWER, "fr-FR,de;q=0.5")
                .andExpect(jsonPath("$.support.crisisResources.length()").value(1))
                .andExpect(jsonPath("$.support.crisisResources[0].name").value("TelefonSeelsorge"));
        submit(SAFETY_ANSWER, "fr-FR")
                .andExpect(jsonPath("$.support.crisisResources.length()").value(2));
        submit(SAFETY_ANSWER, null)
                .andExpect(jsonPath("$.support.crisisResources.length()").value(2));
        submit(SAFETY_ANSWER, "not a language;;q=x")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.support.crisisResources.length()").value(2));
    }

    @Test
    void noSupportIsOfferedWithoutASafetyAnswer() throws Exception {
        String first = submit(NO_SAFETY_ANSWER, "en-GB").andExpect(status().isCreated())
                .andExpect(jsonPath("$.support").doesNotExist())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String second = submit(SAFETY_ANSWER, "en-GB").andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        // A client's events keep their order on one partition: an offer for the first would arrive before the second's.
        List<ClientSupportOffered> offered = supportOffered(1);
        assertThat(offered).extracting(ClientSupportOffered::assessmentId)
                .containsExactly(json.readTree(second).get("id").asString())
                .doesNotContain(json.readTree(first).get("id").asString());
    }

    @Test
    void theNewestPlanWinsWhateverOrderItsVersionsArriveInAndARedeliveryChangesNothing() throws Exception {
        planVersion(2, List.of("Breathe slowly for five minutes"),
                List.of(new WellnessPlanUpdated.Contact("Sam", "friend", "+44 7700 900456")));
        awaitPlanVersion(2);
        double applied = appliedPlanEvents();
        planVersion(1, List.of("An older step"), List.of(new WellnessPlanUpdated.Contact("Old", null, null)));
        planVersion(2, List.of("Breathe slowly for five minutes"),
                List.of(new WellnessPlanUpdated.Contact("Sam", "friend", "+44 7700 900456")));
        await().atMost(Duration.ofSeconds(30)).until(() -> appliedPlanEvents() >= applied + 2);

        submit(SAFETY_ANSWER, "en-GB")
                .andExpect(jsonPath("$.support.wellnessPlanSteps.length()").value(1))
                .andExpect(jsonPath("$.support.wellnessPlanSteps[0]").value("Breathe slowly for five minutes"))
                .andExpect(jsonPath("$.support.contacts.length()").value(1))
                .andExpect(jsonPath("$.support.contacts[0].name").value("Sam"));
        assertThat(mongo.getCollection("client_wellness_plans").countDocuments(new Document("clientId", client)))
                .as("one copy per client").isEqualTo(1);

        // A newer version written before the plan carried its steps reads as an empty plan.
        planVersion(3, null, null);
        awaitPlanVersion(3);
        submit(SAFETY_ANSWER, "en-GB")
                .andExpect(jsonPath("$.support.wellnessPlanSteps.length()").value(0))
                .andExpect(jsonPath("$.support.contacts.length()").value(0));
    }

    private void settings(TenantSafetySettingsUpdated.CrisisResource... resources) {
        TestEvents.publish(topics, json, tenant, new TenantSafetySettingsUpdated(tenant, 1,
                List.of(new TenantSafetySettingsUpdated.OnCallContact("On call", "oncall@example.org", null, null)),
                List.of(resources), "PT15M", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> safety.of(tenant).isPresent());
    }

    private void planVersion(int version, List<String> steps, List<WellnessPlanUpdated.Contact> contacts) {
        TestEvents.publish(topics, json, tenant, new WellnessPlanUpdated(tenant + ":" + client, client, version,
                Instant.now(), steps, contacts));
    }

    private void awaitPlanVersion(int version) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("client_wellness_plans")
                .countDocuments(new Document("clientId", client).append("tenantId", tenant)
                        .append("planVersion", version)) == 1);
    }

    private double appliedPlanEvents() {
        Counter counter = meters.find("steady.events.consumed")
                .tags("type", EventType.WELLNESS_PLAN_UPDATED.type(), "outcome", "applied").counter();
        return counter == null ? 0 : counter.count();
    }

    private ResultActions submit(String answers, String acceptLanguage) throws Exception {
        MockHttpServletRequestBuilder request = post("/clients/{c}/assessments", client)
                .header("Authorization", TestTokens.client(tenant, client))
                .contentType(MediaType.APPLICATION_JSON).content(answers);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return mvc.perform(request);
    }

    /** The client's app events of this client, once at least {@code count} have arrived; each valid against its schema. */
    private List<ClientSupportOffered> supportOffered(int count) {
        List<ConsumerRecord<String, byte[]>> ours = KafkaTestClient.shared().readUntil(topics.of(Topic.HOMEWORK),
                        Duration.ofSeconds(30), records -> records.stream().filter(this::isOffer).count() >= count)
                .stream().filter(this::isOffer).toList();
        for (ConsumerRecord<String, byte[]> record : ours) {
            assertThat(schemas.violations(EventType.CLIENT_SUPPORT_OFFERED, SealedEventData.opened(opener, record))).isEmpty();
            ClinicalLabels.assertNoneIn(new String(record.value(), StandardCharsets.UTF_8));
        }
        return ours.stream().map(r -> json.read(SealedEventData.opened(opener, r), ClientSupportOffered.class)).toList();
    }

    private boolean isOffer(ConsumerRecord<String, byte[]> record) {
        return tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT)) && client.equals(record.key())
                && EventType.CLIENT_SUPPORT_OFFERED.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }
}
