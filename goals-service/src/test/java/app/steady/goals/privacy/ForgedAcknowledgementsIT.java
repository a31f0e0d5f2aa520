package app.steady.goals.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventType;
import app.steady.events.privacy.ClientErased;
import app.steady.goals.support.GoalsApi;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, defect 3: goals accepted an erasure acknowledgement by its erasure id alone, so anyone able to write a
 * service's topic could complete another tenant's or client's erasure proof. The acknowledgement is now checked
 * against the request: another tenant or client is dead-lettered with the reason and the proof does not change.
 */
@SteadyIntegrationTest
class ForgedAcknowledgementsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Value("${steady.consumer.group}")
    String group;

    @Test
    void anAcknowledgementNamingAnotherTenantOrClientIsDeadLetteredAndTheProofUnchanged() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        String admin = TestTokens.admin(api.tenant, "admin-1");
        String location = mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        String erasureId = location.substring(location.lastIndexOf('/') + 1);
        String otherTenant = "tenant-" + UUID.randomUUID();
        String otherClient = "client-" + UUID.randomUUID();

        TestEvents.publish(topics, json, otherTenant, acknowledgement(erasureId, otherClient));
        TestEvents.publish(topics, json, api.tenant, acknowledgement(erasureId, otherClient));

        String deadLetterTopic = topics.deadLetterTopic(topics.of(EventType.HOMEWORK_CLIENT_ERASED.topic()), group);
        var deadLettered = KafkaTestClient.shared().readUntil(deadLetterTopic, Duration.ofSeconds(30), records ->
                records.stream().filter(r -> otherClient.equals(r.key())).count() >= 2);
        assertThat(deadLettered.stream().filter(r -> otherClient.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, DeadLetters.REASON)))
                .hasSize(2).allMatch(reason -> reason.contains("names another tenant or client than the request"));
        mvc.perform(get(location).header("Authorization", admin))
                .andExpect(jsonPath("$.acknowledgements['homework-service']").doesNotExist())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    private static ClientErased acknowledgement(String erasureId, String client) {
        return new ClientErased(erasureId, client, "homework-service", 0, true,
                List.of(new ClientErased.Part("client_keys", 0, 1)), Instant.now());
    }
}
