package app.steady.goals.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

/** A tenant's admins maintain its safety settings; every change is published, versioned, for the other services. */
@SteadyIntegrationTest
class SafetySettingsApiIT {

    static final String FULL = """
            {"onCallContacts":[{"name":"Dr Amira Haddad (on call)","email":"oncall@provider.example",
                                "phone":"+44 20 7946 0000","pagerUrl":"https://pager.provider.example/hooks/steady"}],
             "crisisResources":[{"name":"Samaritans","phone":"116 123","url":"https://www.samaritans.org","locale":"en-gb"},
                                {"name":"988 Suicide & Crisis Lifeline","phone":"988","text":"Text 988",
                                 "url":"https://988lifeline.org","locale":"en-US"}],
             "highPriorityEscalationAfter":"PT10M"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventSchemas schemas;
    @Autowired
    EventJson json;

    final String tenant = "tenant-" + UUID.randomUUID();

    @Test
    void untilSettingsAreSetTheAdminIsToldWhatAssignmentNeeds() throws Exception {
        mvc.perform(get("/tenant/safety-settings").header("Authorization", admin()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(
                        "at least one reachable on-call contact must be set before clients can be assigned")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("PUT /tenant/safety-settings")));
    }

    @Test
    void settingsAreReplacedWholeWithARisingVersionAndEachChangeIsPublished() throws Exception {
        String etag = replace(FULL, null).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.onCallContacts[0].pagerUrl").value("https://pager.provider.example/hooks/steady"))
                .andExpect(jsonPath("$.crisisResources[0].locale").value("en-GB"))
                .andExpect(jsonPath("$.crisisResources[1].text").value("Text 988"))
                .andExpect(jsonPath("$.highPriorityEscalationAfter").value("PT10M"))
                .andReturn().getResponse().getHeader("ETag");
        mvc.perform(get("/tenant/safety-settings").header("Authorization", admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", etag))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.onCallContacts[0].name").value("Dr Amira Haddad (on call)"));

        replace(FULL, etag).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1)).andExpect(header().string("ETag", etag));

        String onCallOnly = "{\"onCallContacts\":[{\"name\":\"Duty clinician\",\"pagerUrl\":\"https://pager.example/x\"}]}";
        replace(onCallOnly, etag).andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2))
                .andExpect(jsonPath("$.onCallContacts.length()").value(1))
                .andExpect(jsonPath("$.onCallContacts[0].email").doesNotExist())
                .andExpect(jsonPath("$.crisisResources.length()").value(0))
                .andExpect(jsonPath("$.highPriorityEscalationAfter").value("PT15M"));
        replace(FULL, etag).andExpect(status().isPreconditionFailed());

        List<JsonNode> published = settingsEvents(KafkaTestClient.shared().readUntil(topics.of(Topic.GOALS),
                Duration.ofSeconds(30), records -> settingsEvents(records).size() >= 2));
        assertThat(published).extracting(data -> data.get("version").asInt()).containsExactly(1, 2);
        assertThat(published).allSatisfy(data -> {
            assertThat(schemas.violations(EventType.TENANT_SAFETY_SETTINGS_UPDATED, data)).isEmpty();
            assertThat(data.get("tenantId").asString()).isEqualTo(tenant);
        });
        assertThat(published.get(0).get("crisisResources").get(1).get("locale").asString()).isEqualTo("en-US");
        assertThat(published.get(1).get("highPriorityEscalationAfter").asString()).isEqualTo("PT15M");
    }

    @Test
    void everyBrokenRuleIsReportedNamingItsField() throws Exception {
        replace("""
                {"onCallContacts":[
                   {"name":"Nobody reachable","phone":"+44 20 7946 0000"},
                   {"name":"Typo","email":"oncall.provider.example"},
                   {"name":"Plain http","pagerUrl":"http://pager.provider.example/hook"},
                   {"name":"Secret in URL","pagerUrl":"https://user:pass@pager.provider.example/hook"},
                   {"name":"Letters","email":"a@b.example","phone":"call me"},
                   {"name":"","email":"a@b.example"},
                   {"name":"Script","pagerUrl":"javascript:alert(1)"}],
                 "crisisResources":[
                   {"name":"No way to reach","locale":"en-GB"},
                   {"name":"Bad locale","phone":"116 123","locale":"english please"},
                   {"name":"Plain http","url":"http://crisis.example","locale":"en-GB"},
                   {"phone":"116 123","locale":"en-GB"}],
                 "highPriorityEscalationAfter":"PT30S"}""", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder(
                        "onCallContacts[0]", "onCallContacts[1].email", "onCallContacts[2].pagerUrl",
                        "onCallContacts[3].pagerUrl", "onCallContacts[4].phone", "onCallContacts[5].name",
                        "onCallContacts[6].pagerUrl", "crisisResources[0]", "crisisResources[1].locale",
                        "crisisResources[2].url", "crisisResources[3].name", "highPriorityEscalationAfter")));

        expectInvalid("{\"onCallContacts\":[]}", "onCallContacts");
        expectInvalid("{\"crisisResources\":[]}", "onCallContacts");
        expectInvalid("{\"onCallContacts\":[" + ",{\"name\":\"n\",\"email\":\"a@b.example\"}".repeat(21).substring(1) + "]}",
                "onCallContacts");
        expectInvalid(withEscalation("\"PT24H1S\""), "highPriorityEscalationAfter");
        expectInvalid(withEscalation("\"fifteen minutes\""), "highPriorityEscalationAfter");
        expectInvalid(withEscalation("\"-PT15M\""), "highPriorityEscalationAfter");
        expectInvalid("{\"onCallContacts\":[null]}", "onCallContacts[0]");
        expectInvalid("{\"onCallContacts\":{\"name\":\"n\"}}", "onCallContacts");
        expectInvalid("{\"onCallContacts\":[{\"name\":123,\"email\":\"a@b.example\"}]}", "onCallContacts[0].name");
        expectInvalid("{\"onCallContacts\":[{\"name\":\"n\",\"email\":\"a@b.example\",\"sms\":\"1\"}]}",
                "onCallContacts[0].sms");
        expectInvalid(withEscalation("900"), "highPriorityEscalationAfter");
        replace(withEscalation("\"PT1M\""), null).andExpect(status().isOk());
        replace(withEscalation("\"PT24H\""), null).andExpect(status().isOk());
    }

    @Test
    void invalidSettingsStoreNothing() throws Exception {
        expectInvalid("{\"onCallContacts\":[{\"name\":\"Nobody reachable\"}]}", "onCallContacts[0]");
        mvc.perform(get("/tenant/safety-settings").header("Authorization", admin())).andExpect(status().isNotFound());
    }

    @Test
    void onlyTheTenantsAdminsSeeOrChangeItsSettings() throws Exception {
        replace(FULL, null).andExpect(status().isOk());
        mvc.perform(get("/tenant/safety-settings").header("Authorization", TestTokens.therapist(tenant, "t-1")))
                .andExpect(status().isForbidden());
        mvc.perform(put("/tenant/safety-settings").header("Authorization", TestTokens.therapist(tenant, "t-1"))
                        .contentType(MediaType.APPLICATION_JSON).content(FULL))
                .andExpect(status().isForbidden());
        mvc.perform(get("/tenant/safety-settings").header("Authorization", TestTokens.admin("tenant-" + UUID.randomUUID(), "a")))
                .andExpect(status().isNotFound());
    }

    private static String withEscalation(String value) {
        return "{\"onCallContacts\":[{\"name\":\"n\",\"email\":\"a@b.example\"}],\"highPriorityEscalationAfter\":" + value + "}";
    }

    private void expectInvalid(String body, String field) throws Exception {
        replace(body, null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.hasItem(field)));
    }

    private ResultActions replace(String body, String ifMatch) throws Exception {
        var request = put("/tenant/safety-settings").header("Authorization", admin())
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return mvc.perform(request);
    }

    private String admin() {
        return TestTokens.admin(tenant, "admin-1");
    }

    private List<JsonNode> settingsEvents(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream()
                .filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(r -> EventType.TENANT_SAFETY_SETTINGS_UPDATED.type().equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .peek(r -> assertThat(KafkaTestClient.header(r, CloudEventHeaders.SUBJECT)).isEqualTo(tenant))
                .map(r -> json.readTree(r.value()))
                .toList();
    }
}
