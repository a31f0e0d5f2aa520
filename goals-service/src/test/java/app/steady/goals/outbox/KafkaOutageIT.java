package app.steady.goals.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.goals.support.GoalsApi;
import app.steady.local.KafkaBrokerProcess;
import app.steady.platform.events.TopicNames;
import app.steady.platform.outbox.OutboxBacklog;
import app.steady.testing.FreePorts;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With its Kafka broker stopped, goals-service keeps accepting writes; when the broker is back every event is
 * published, in order per client. Uses a broker process of its own (the shared one is never stopped).
 */
@SteadyIntegrationTest
class KafkaOutageIT {

    static final KafkaBrokerProcess broker = startBroker();

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    OutboxBacklog backlog;

    final String tenant = "tenant-" + UUID.randomUUID();

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.stop();
    }

    @Test
    void writesAcceptedWhileKafkaIsDownArePublishedInOrderWhenItReturns() throws Exception {
        List<String> clients = List.of("client-a-" + UUID.randomUUID(), "client-b-" + UUID.randomUUID());
        GoalsApi.setOnCallContact(mvc, tenant);
        assign(clients.get(0));
        awaitPublished(2); // the tenant's safety settings and the first assignment

        broker.stop();
        for (String client : clients) {
            if (!client.equals(clients.get(0))) {
                assign(client);
            }
            for (int i = 0; i < 5; i++) {
                agreeGoal(client, "Goal " + i);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.backlog() >= 11);
        mvc.perform(get("/actuator/health/readiness").header("Authorization", TestTokens.operator(tenant)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.kafka.status").value("DEGRADED"));

        broker.start();
        List<ConsumerRecord<String, byte[]>> published = awaitPublished(13);

        Map<String, List<String>> typesByClient = published.stream()
                .filter(record -> tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent)
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.mapping(
                        record -> KafkaTestClient.header(record, CloudEventHeaders.TYPE), Collectors.toList())));
        for (String client : clients) {
            List<String> expected = new ArrayList<>();
            expected.add(EventType.CLIENT_ASSIGNED.type());
            for (int i = 0; i < 5; i++) {
                expected.add(EventType.GOAL_SET.type());
            }
            assertThat(typesByClient.get(client)).as("events of " + client + ", in order").isEqualTo(expected);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog.backlog() == 0);
    }

    private List<ConsumerRecord<String, byte[]>> awaitPublished(int count) {
        return new KafkaTestClient(broker.bootstrapServers()).readUntil(topics.of(Topic.GOALS), Duration.ofSeconds(90),
                records -> records.stream()
                        .filter(record -> tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT)))
                        .filter(KafkaTestClient::isBusinessEvent)
                        .map(record -> KafkaTestClient.header(record, CloudEventHeaders.ID))
                        .distinct().count() >= count);
    }

    private void assign(String client) throws Exception {
        mvc.perform(put("/caseload/clients/{c}", client).header("Authorization", TestTokens.admin(tenant, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"therapist-1\"}"))
                .andExpect(status().isOk());
    }

    private void agreeGoal(String client, String title) throws Exception {
        String location = mvc.perform(post("/clients/{c}/goals", client)
                        .header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"" + title + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post(location + "/agreement").header("Authorization", TestTokens.therapist(tenant, "therapist-1"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\":1}"))
                .andExpect(status().isOk());
    }

    private static KafkaBrokerProcess startBroker() {
        try {
            KafkaBrokerProcess process = new KafkaBrokerProcess(Files.createTempDirectory("steady-outage-kafka"),
                    FreePorts.next(), FreePorts.next());
            process.start();
            return process;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
