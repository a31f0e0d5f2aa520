package app.steady.analytics.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalSet;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.test.web.servlet.MockMvc;
import app.steady.testing.SteadyTestInfrastructure;

/**
 * The platform's consumer on the real broker and store, through analytics' goal projection: golden examples,
 * redelivery, restarts, replays, poison messages, unknown types and fields.
 */
@SteadyIntegrationTest(properties = "logging.level.app.steady=DEBUG")
class GoalEventsConsumptionIT {

    static final String BINDING = "steadyEvents-in-0";

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    MeterRegistry meters;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    ClientGoalsRepository projections;

    final KafkaTestClient kafka = KafkaTestClient.shared();
    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @Test
    void agreedGoalsAppearInTheClientsSummaryForTheirTherapist() throws Exception {
        publish(new ClientAssigned(client, therapist, Instant.now()));
        String goal = UUID.randomUUID().toString();
        publish(goalSet(goal));
        publish(goalSet(UUID.randomUUID().toString()));
        publish(new GoalAchieved(goal, client, therapist, Instant.now().plusSeconds(1)));

        awaitSummary(1, 1);
        mvc.perform(get("/clients/{c}/goal-counts", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(1));
        // The old path, for one release: the same answer, marked deprecated, naming its successor.
        mvc.perform(get("/clients/{c}/goals/summary", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.active").value(1))
                .andExpect(header().exists("Deprecation")).andExpect(header().exists("Sunset"))
                .andExpect(header().string("Link", "</clients/" + client + "/goal-counts>; rel=\"successor-version\""));
        mvc.perform(get("/clients/{c}/goal-counts", client)
                        .header("Authorization", TestTokens.therapist(tenant, "another-therapist")))
                .andExpect(status().isNotFound());
    }

    @Test
    void readsTheGoldenExampleOfEveryEventItHandles() {
        double applied = applied();
        List<EventType> handled = List.of(EventType.CLIENT_ASSIGNED, EventType.GOAL_SET, EventType.GOAL_REVISED,
                EventType.GOAL_ACHIEVED, EventType.GOAL_DISCONTINUED, EventType.GOAL_PROGRESS_RECORDED,
                EventType.HOMEWORK_COMPLETED, EventType.HOMEWORK_SKIPPED, EventType.HOMEWORK_MISSED,
                EventType.HOMEWORK_QUALITY_RATED, EventType.MOOD_LOGGED, EventType.ASSESSMENT_COMPLETED,
                EventType.JOURNAL_ENTRY_RECORDED);
        for (EventType type : handled) {
            String example = TestEvents.goldenExample(type);
            String subject = json.readTree(example).get("clientId").asString();
            kafka.send(topics.of(type.topic()), subject, TestEvents.headers(type, tenant, subject),
                    example.getBytes(StandardCharsets.UTF_8));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> applied() >= applied + handled.size());
    }

    @Test
    void aConsumerRestartedMidStreamAppliesEveryEventOnce() {
        publish(goalSet(UUID.randomUUID().toString()));
        awaitSummary(1, 0);

        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        for (int i = 0; i < 5; i++) {
            publish(goalSet(UUID.randomUUID().toString()));
        }
        bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);

        awaitSummary(6, 0);
    }

    @Test
    void replayingTheWholeTopicLeavesTheProjectionUnchanged() throws Exception {
        for (int i = 0; i < 3; i++) {
            publish(goalSet(UUID.randomUUID().toString()));
        }
        awaitSummary(3, 0);
        Long versionBefore = projections.findById(ClientGoals.idOf(tenant, client)).orElseThrow().version();

        bindings.changeState(BINDING, BindingsLifecycleController.State.STOPPED);
        rewindConsumerGroupToTheStart();
        bindings.changeState(BINDING, BindingsLifecycleController.State.STARTED);
        // A marker published after the rewind: once it is applied, the replayed events before it were read too.
        publish(new GoalAchieved(UUID.randomUUID().toString(), client, therapist, Instant.now()));

        awaitSummary(3, 1);
        ClientGoals after = projections.findById(ClientGoals.idOf(tenant, client)).orElseThrow();
        assertThat(after.count(TrackedGoal.Status.ACTIVE)).isEqualTo(3);
        assertThat(after.version()).as("only the marker changed the document").isEqualTo(versionBefore + 1);
    }

    @Test
    void aPoisonMessageIsDeadLetteredWithItsReasonAndThePartitionKeepsMoving() {
        String topic = topics.of(Topic.GOALS);
        kafka.send(topic, client, TestEvents.headers(EventType.GOAL_SET, tenant, client),
                "{not json".getBytes(StandardCharsets.UTF_8));
        kafka.send(topic, client, TestEvents.headers(EventType.GOAL_SET, tenant, client),
                "{\"goalId\":\"g\",\"clientId\":\"someone\"}".getBytes(StandardCharsets.UTF_8));
        publish(goalSet(UUID.randomUUID().toString()));

        awaitSummary(1, 0);
        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readUntil(
                topics.deadLetterTopic(topic, "analytics-service"), Duration.ofSeconds(30),
                records -> records.stream().filter(r -> client.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, byte[]>> ours = deadLetters.stream().filter(r -> client.equals(r.key())).toList();
        assertThat(KafkaTestClient.header(ours.get(0), DeadLetters.REASON)).startsWith("data is not JSON");
        assertThat(KafkaTestClient.header(ours.get(1), DeadLetters.REASON)).contains("schema");
        assertThat(KafkaTestClient.header(ours.get(0), DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
        assertThat(KafkaTestClient.header(ours.get(0), DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
        assertThat(new String(ours.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    }

    @Test
    void unknownTypesAreSkippedAndCountedAndUnknownVersionsDeadLettered() {
        String topic = topics.of(Topic.GOALS);
        double skippedBefore = meters.counter("steady.events.ignored", "reason", "unknown-type").count();
        double unknownFieldsBefore = meters.counter("steady.events.unknown.fields", "type", EventType.GOAL_SET.type()).count();

        kafka.send(topic, client, TestEvents.headers("steady.goals.goal-celebrated.v1", "goals-service", tenant, client,
                UUID.randomUUID().toString()), "{\"clientId\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        kafka.send(topic, client, TestEvents.headers("steady.goals.goal-set.v9", "goals-service", tenant, client,
                UUID.randomUUID().toString()), json.write(goalSet("g-v9")));
        String withExtraField = json.writeAsString(goalSet(UUID.randomUUID().toString()))
                .replaceFirst("\\{", "{\"mood\":\"festive\",");
        kafka.send(topic, client, TestEvents.headers(EventType.GOAL_SET, tenant, client),
                withExtraField.getBytes(StandardCharsets.UTF_8));

        awaitSummary(1, 0);
        assertThat(meters.counter("steady.events.ignored", "reason", "unknown-type").count()).isEqualTo(skippedBefore + 1);
        assertThat(meters.counter("steady.events.unknown.fields", "type", EventType.GOAL_SET.type()).count())
                .isEqualTo(unknownFieldsBefore + 1);
        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readUntil(
                topics.deadLetterTopic(topic, "analytics-service"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> client.equals(r.key())));
        assertThat(deadLetters.stream().filter(r -> client.equals(r.key())).map(r -> KafkaTestClient.header(r, DeadLetters.REASON)))
                .singleElement().asString().startsWith("unsupported version");
    }

    @Test
    void anEventFromTheWrongProducerIsDeadLettered() {
        String topic = topics.of(Topic.GOALS);
        kafka.send(topic, client, TestEvents.headers(EventType.GOAL_SET.type(), "reminders-service", tenant, client,
                UUID.randomUUID().toString()), json.write(goalSet(UUID.randomUUID().toString())));
        List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readUntil(
                topics.deadLetterTopic(topic, "analytics-service"), Duration.ofSeconds(30),
                records -> records.stream().anyMatch(r -> client.equals(r.key())));
        assertThat(KafkaTestClient.header(deadLetters.stream().filter(r -> client.equals(r.key())).findFirst().orElseThrow(),
                DeadLetters.REASON)).contains("must come from goals-service");
        assertThat(projections.findById(ClientGoals.idOf(tenant, client))).isEmpty();
    }

    private GoalSet goalSet(String goalId) {
        return new GoalSet(goalId, client, therapist, 1, LocalDate.now().plusMonths(2), 1, false, Instant.now());
    }

    private void publish(EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    private void awaitSummary(long active, long achieved) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            ClientGoals goals = projections.findById(ClientGoals.idOf(tenant, client)).orElse(null);
            assertThat(goals).as("projection of " + client).isNotNull();
            assertThat(goals.count(TrackedGoal.Status.ACTIVE)).isEqualTo(active);
            assertThat(goals.count(TrackedGoal.Status.ACHIEVED)).isEqualTo(achieved);
        });
    }

    private double applied() {
        return meters.find("steady.events.consumed").tag("outcome", "applied").counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private void rewindConsumerGroupToTheStart() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SteadyTestInfrastructure.get().kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("analytics-service")
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new java.util.HashMap<>();
            committed.keySet().forEach(partition -> earliest.put(partition, OffsetSpec.earliest()));
            Map<TopicPartition, OffsetAndMetadata> rewound = new java.util.HashMap<>();
            admin.listOffsets(earliest).all().get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> rewound.put(partition, new OffsetAndMetadata(info.offset())));
            await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
                admin.alterConsumerGroupOffsets("analytics-service", rewound).all().get(10, TimeUnit.SECONDS);
                return true;
            });
        }
    }
}
