package app.steady.homework.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, defect 3: a client-assigned event skipped the tenant check, so anyone able to write the goals topic could
 * put another provider's client on a therapist of their own. Now it is checked like every other event: one naming a
 * tenant other than the client's is dead-lettered with the reason and changes nothing.
 */
@SteadyIntegrationTest
class ForgedAssignmentIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;
    @Value("${steady.consumer.group}")
    String group;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String intruderTenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();

    @Test
    void anAssignmentUnderAnotherTenantIsDeadLetteredAndChangesNothing() throws Exception {
        TestCaseload.assign(topics, json, caseload, tenant, client, "therapist-1");

        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, intruderTenant, client),
                json.write(new ClientAssigned(client, "intruder", Instant.now())));

        String deadLetterTopic = topics.deadLetterTopic(topics.of(EventType.CLIENT_ASSIGNED.topic()), group);
        var deadLetters = KafkaTestClient.shared().readUntil(deadLetterTopic, Duration.ofSeconds(30), records ->
                records.stream().anyMatch(r -> client.equals(r.key())));
        assertThat(deadLetters.stream().filter(r -> client.equals(r.key()))
                .map(r -> KafkaTestClient.header(r, DeadLetters.REASON)))
                .anyMatch(reason -> reason.contains("does not match the tenant of client"));
        assertThat(caseload.therapistOf(tenant, client)).contains("therapist-1");
        assertThat(caseload.therapistOf(intruderTenant, client)).isEmpty();
        mvc.perform(get("/clients/{c}/mood", client).header("Authorization", TestTokens.therapist(intruderTenant, "intruder")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clients/{c}/mood", client).header("Authorization", TestTokens.therapist(tenant, "therapist-1")))
                .andExpect(status().isOk());
    }
}
