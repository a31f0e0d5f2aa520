package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.e2e.FaultCluster.Node;
import app.steady.e2e.Workload.Mood;
import app.steady.e2e.Workload.Outcome;
import app.steady.e2e.Workload.PacedWriter;
import app.steady.e2e.Workload.Subject;
import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.MoodLogged;
import app.steady.events.homework.Occurrence;
import app.steady.platform.consuming.ConsumptionLedger;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Fault injection across real processes: a broker, a MongoDB-wire server (H2 on disk) and the services (two
 * reminders-service instances), all of this class's own, which each scenario stops, SIGKILLs and restarts while a
 * known workload flows through the public APIs and onto the topics. After each fault the scenario checks exactly:
 * every accepted write is held by its service, is on its topic as exactly one event (by ce_id), in per-client order,
 * and is applied exactly once by analytics (per-day mood counts and sums in its store, its summary and goal-count
 * APIs); dead letters carry their reason; reminders are delivered once per idempotency key. The processes are shared
 * by the scenarios, which run in the order below; the replay comes last so that it re-reads everything the others
 * produced. docs/reliability.md lists what each scenario proves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionE2E {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionE2E.class);

    /** How long Kafka is unavailable in the outage scenario. */
    static final Duration KAFKA_OUTAGE = Duration.ofSeconds(60);
    /** How long the MongoDB-wire server stays down in the store-restart scenario (at least). */
    static final Duration MONGO_OUTAGE = Duration.ofSeconds(10);
    static final int HOSTILE_EVENTS = 1000;
    /** reminders-service's lease on a claimed reminder, shortened from PT30S (still longer than the webhook timeout). */
    static final Duration REMINDER_LEASE = Duration.ofSeconds(15);
    static final String WEBHOOK_SECRET = "fault-injection-webhook-secret";
    static final ZoneId LONDON = ZoneId.of(Workload.TIME_ZONE);
    static final String PROBE = "fi_probe";
    /** Events per client published at once for analytics to be busy with when it is killed. */
    static final int BURST_PER_CLIENT = 300;

    static FaultCluster cluster;
    static WebhookSink webhook;
    static KafkaProbe kafka;
    static MongoClient mongo;
    static Expectations expectations;
    static Workload.Api api;
    static final EventJson json = new EventJson();
    static final String webhookTenant = "tenant-webhook-" + UUID.randomUUID().toString().substring(0, 8);
    /** Every client of every scenario: the replay must leave all their projections as they were. */
    static final List<Subject> everyone = new CopyOnWriteArrayList<>();
    static final Map<String, Duration> durations = new LinkedHashMap<>();
    Instant started;

    @BeforeAll
    static void startSteady() {
        Instant start = Instant.now();
        webhook = new WebhookSink(WEBHOOK_SECRET);
        cluster = new FaultCluster();
        cluster.startInfrastructure();
        String[] reminders = {
                "--steady.reminders.lease=PT" + REMINDER_LEASE.toSeconds() + "S",
                "--steady.reminders.follow-up-before-close=PT0S",
                "--steady.reminders.channels.tenants." + webhookTenant + ".channel=WEBHOOK",
                "--steady.reminders.channels.tenants." + webhookTenant + ".webhook-url=" + webhook.url(),
                "--steady.reminders.channels.tenants." + webhookTenant + ".webhook-secret=" + WEBHOOK_SECRET};
        cluster.add("goals-service", "goals-service");
        cluster.add("homework-service", "homework-service");
        cluster.add("reminders-service", "reminders-service", with(reminders, "--steady.instance-id=reminders-a"));
        cluster.add("reminders-service-b", "reminders-service", with(reminders, "--steady.instance-id=reminders-b"));
        cluster.add("analytics-service", "analytics-service");
        FaultCluster.startTogether(List.copyOf(cluster.nodes.values()));
        kafka = new KafkaProbe(cluster.broker::bootstrapServers);
        mongo = MongoClients.create(cluster.mongo.uri() + "/?serverSelectionTimeoutMS=5000");
        expectations = new Expectations(cluster, kafka, mongo, FaultInjectionE2E::goals, FaultInjectionE2E::homework,
                FaultInjectionE2E::analytics);
        api = new Workload.Api(() -> goals().process.baseUrl(), () -> homework().process.baseUrl());
        durations.put("start-up", Duration.between(start, Instant.now()));
        log.info("Fault-injection Steady up in {} (prefix {}, logs in {})", durations.get("start-up"), cluster.prefix,
                cluster.logDir);
    }

    @AfterAll
    static void stopSteady() {
        log.info("Scenario durations: {}", durations);
        if (mongo != null) {
            mongo.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @BeforeEach
    void clock() {
        started = Instant.now();
    }

    @AfterEach
    void record(TestInfo test) {
        durations.put(test.getTestMethod().orElseThrow().getName(), Duration.between(started, Instant.now()));
    }

    // ---------------------------------------------------------------------------------------------------------
    // 6. 1,000 malformed or hostile events among valid ones

    @Test
    @Order(1)
    void hostileEventsAreDeadLetteredWithTheirReasonWhileEveryValidOneIsApplied() {
        List<Subject> subjects = newSubjects("hostile", 4);
        awaitCaseloadKnownTo(subjects, analytics(), reminders());
        String topic = cluster.prefix + "steady.homework.events";
        String otherTenant = "tenant-other-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate day = LocalDate.now(LONDON).minusDays(2);

        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Subject subject : subjects) {
            for (int i = 0; i < 25; i++) {
                Mood mood = new Mood("me-" + UUID.randomUUID(), (i * 3 + subjects.indexOf(subject)) % 11, day);
                subject.directMoods.add(mood);
                records.add(eventRecord(subject.tenant, moodLogged(subject, mood)));
            }
        }
        Map<String, Hostile> hostile = new HashMap<>();
        for (int i = 0; i < HOSTILE_EVENTS; i++) {
            Hostile kind = Hostile.values()[i % Hostile.values().length];
            Subject subject = subjects.get(i % subjects.size());
            Subject other = subjects.get((i + 1) % subjects.size());
            Mood mood = new Mood("me-hostile-" + i, 5, day);
            String probe = Integer.toString(i);
            hostile.put(probe, kind);
            records.add(kind.record(topic, subject, other, otherTenant, moodLogged(subject, mood), probe));
        }
        Collections.shuffle(records, new Random(6));
        kafka.sendAll(records);

        // The partitions keep moving: both consumers of mood events commit the end of every partition.
        for (Node consumer : List.of(analytics(), reminders())) {
            await(consumer.instance + " lag 0").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> kafka.caughtUp(consumer.group, List.of(topic)));
            List<ConsumerRecord<String, byte[]>> deadLetters = kafka.readAll(topic + "." + consumer.group + ".dlt")
                    .stream().filter(r -> KafkaProbe.header(r, PROBE) != null && hostile.containsKey(KafkaProbe.header(r, PROBE)))
                    .toList();
            assertThat(deadLetters).as("dead letters of " + consumer.group).hasSize(HOSTILE_EVENTS);
            assertThat(deadLetters.stream().map(r -> KafkaProbe.header(r, PROBE)).collect(Collectors.toSet()))
                    .as("every hostile event dead-lettered once").hasSize(HOSTILE_EVENTS);
            for (ConsumerRecord<String, byte[]> letter : deadLetters) {
                Hostile kind = hostile.get(KafkaProbe.header(letter, PROBE));
                assertThat(KafkaProbe.header(letter, DeadLetters.REASON)).as(kind + " reason").contains(kind.reason);
                assertThat(KafkaProbe.header(letter, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(topic);
                assertThat(KafkaProbe.header(letter, DeadLetters.ORIGINAL_OFFSET)).isNotBlank();
            }
            Map<Hostile, Long> byKind = deadLetters.stream().collect(Collectors.groupingBy(
                    r -> hostile.get(KafkaProbe.header(r, PROBE)), TreeMap::new, Collectors.counting()));
            log.info("Dead letters of {} by kind: {}", consumer.group, byKind);
        }
        // Every valid event applied exactly once; nothing of the hostile ones applied anywhere.
        expectations.assertExactlyOnce(subjects, Expectations.Order.NONE);
        for (Subject subject : subjects) {
            assertThat(mongo.getDatabase("steady-analytics").getCollection("client_records")
                    .countDocuments(Filters.eq("_id", otherTenant + ":" + subject.id)))
                    .as("a record under the wrong tenant").isZero();
        }
    }

    /** Kinds of malformed or hostile records, each with the reason its dead letter must give. */
    enum Hostile {
        BAD_JSON("data is not JSON"),
        SCHEMA_VIOLATION("data violates steady.homework.mood-logged.v1 schema"),
        WRONG_PRODUCER("must come from homework-service, not goals-service"),
        WRONG_TENANT("does not match the tenant of client"),
        UNKNOWN_VERSION("unsupported version of event type: steady.homework.mood-logged.v9"),
        KEY_NOT_SUBJECT("differs from ce_subject"),
        WRONG_TOPIC("does not belong on topic"),
        MISSING_ID("missing CloudEvents attribute ce_id");

        final String reason;

        Hostile(String reason) {
            this.reason = reason;
        }

        ProducerRecord<String, byte[]> record(String topic, Subject subject, Subject other, String otherTenant,
                                              MoodLogged valid, String probe) {
            String type = EventType.MOOD_LOGGED.type();
            String id = UUID.randomUUID().toString();
            Map<String, String> headers = TestEvents.headers(type, "homework-service", subject.tenant, subject.id, id);
            byte[] value = json.write(valid);
            String key = subject.id;
            switch (this) {
                case BAD_JSON -> value = ("{\"entryId\":\"" + valid.entryId() + "\",\"mood\":").getBytes(StandardCharsets.UTF_8);
                case SCHEMA_VIOLATION -> value = ("{\"entryId\":\"" + valid.entryId() + "\",\"clientId\":\"" + subject.id
                        + "\",\"mood\":42,\"loggedAt\":\"yesterday\",\"timeZone\":\"Europe/London\"}").getBytes(StandardCharsets.UTF_8);
                case WRONG_PRODUCER -> headers.put(CloudEventHeaders.SOURCE, "goals-service");
                case WRONG_TENANT -> headers.put(CloudEventHeaders.TENANT, otherTenant);
                case UNKNOWN_VERSION -> headers.put(CloudEventHeaders.TYPE, "steady.homework.mood-logged.v9");
                case KEY_NOT_SUBJECT -> key = other.id;
                case WRONG_TOPIC -> {
                    headers.put(CloudEventHeaders.TYPE, EventType.GOAL_SET.type());
                    headers.put(CloudEventHeaders.SOURCE, "goals-service");
                }
                case MISSING_ID -> headers.remove(CloudEventHeaders.ID);
            }
            headers.put(PROBE, probe);
            return KafkaProbe.record(topic, key, headers, value);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // 4. The MongoDB-wire server restarted mid-stream

    @Test
    @Order(2)
    void theStoreRestartedMidStreamLosesNothingAndAppliesNothingTwice() {
        List<Subject> subjects = newSubjects("store", 4);
        LocalDate day = LocalDate.now(LONDON).minusDays(3);
        try (PacedWriter writer = new PacedWriter(api, subjects, Duration.ofMillis(200))) {
            awaitWrites(writer, 20);
            publishDirectMoods(subjects, day, 10);
            log.info("Stopping the MongoDB-wire server; pending outbox events: {}", pendingOutboxEvents());
            cluster.mongo.stop();
            // Events keep arriving while the store is away: consumers must hold them, not skip or dead-letter them.
            publishDirectMoods(subjects, day, 10);
            await("store down for " + MONGO_OUTAGE).pollDelay(MONGO_OUTAGE).atMost(MONGO_OUTAGE.plusMinutes(1))
                    .until(() -> !homework().process.ready() && !analytics().process.ready());
            cluster.mongo.start();
            for (Node node : List.of(goals(), homework(), analytics(), reminders())) {
                await(node.instance + " ready again").atMost(Duration.ofMinutes(1)).until(node.process::ready);
            }
            long afterRestart = writer.writes();
            awaitWrites(writer, afterRestart + 20);
        }
        expectations.assertExactlyOnce(subjects, Expectations.Order.STRICT);
        assertNoDeadLettersFor(subjects);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 2. Services SIGKILLed mid-stream and restarted

    @Test
    @Order(3)
    void servicesKilledMidStreamAndRestartedLoseNothingAndApplyNothingTwice() {
        List<Subject> subjects = newSubjects("crash", 6);
        List<String> analyticsTopics = cluster.topics("steady.goals.events", "steady.homework.events");
        try (PacedWriter writer = new PacedWriter(api, subjects, Duration.ofMillis(150))) {
            awaitWrites(writer, 30);
            // analytics dies in the middle of a burst of events it is applying (uncommitted batches are redelivered).
            long consumed = kafka.committed(analytics().group, analyticsTopics);
            CompletableFuture<Void> burst = CompletableFuture.runAsync(() ->
                    publishDirectMoods(subjects, LocalDate.now(LONDON).minusDays(4), BURST_PER_CLIENT));
            await("analytics busy with the burst").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                    .until(() -> kafka.committed(analytics().group, analyticsTopics) >= consumed + 300);
            analytics().kill();
            burst.join();
            log.info("Killed analytics-service mid-stream, {} records behind", kafka.lag(analytics().group, analyticsTopics));

            // The relays die while they hold a backlog: Kafka goes away, the APIs keep taking writes, then SIGKILL.
            cluster.broker.stop();
            awaitWrites(writer, writer.writes() + 40);
            log.info("Killing goals-service and homework-service; pending outbox events: {}", pendingOutboxEvents());
            goals().kill();
            homework().kill();
            awaitWrites(writer, writer.writes() + 10); // the writer meets dead services (refused, or cut off mid-request)
            cluster.broker.start();
            // Restarted on the same data: relays wait for the dead holder's lease (15 s), consumers for its session (15 s).
            FaultCluster.startTogether(List.of(goals(), homework(), analytics()));
            awaitWrites(writer, writer.writes() + 30);
        }
        expectations.assertExactlyOnce(subjects, Expectations.Order.STRICT);
        assertNoDeadLettersFor(subjects);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 3. Kafka unavailable for a minute while the APIs keep accepting writes

    @Test
    @Order(4)
    void writesAcceptedDuringAMinuteWithoutKafkaAreAllPublishedAfterwardsInPerClientOrder() {
        List<Subject> subjects = newSubjects("outage", 15);
        try (PacedWriter writer = new PacedWriter(api, subjects, Duration.ofMillis(50))) {
            awaitWrites(writer, 30);
            cluster.broker.stop();
            Instant down = Instant.now();
            long before = writer.writes();
            await("Kafka down for " + KAFKA_OUTAGE).atMost(KAFKA_OUTAGE.plusSeconds(30)).pollInterval(Duration.ofSeconds(5))
                    .until(() -> {
                        assertDegradedButReady(goals());
                        assertDegradedButReady(homework());
                        return !Instant.now().isBefore(down.plus(KAFKA_OUTAGE));
                    });
            long duringOutage = writer.writes() - before;
            cluster.broker.start();
            log.info("Kafka back after {}; {} writes made meanwhile; pending outbox events: {}",
                    Duration.between(down, Instant.now()), duringOutage, pendingOutboxEvents());
            awaitWrites(writer, writer.writes() + 40);
            assertThat(duringOutage).as("writes made while Kafka was down").isGreaterThan(500);
            assertThat(writer.outcomes().keySet()).as("every write accepted, Kafka or not").containsOnly(Outcome.ACCEPTED);
        }
        expectations.assertExactlyOnce(subjects, Expectations.Order.STRICT);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 1. The Kafka broker killed mid-stream and restarted

    @Test
    @Order(5)
    void aBrokerKilledMidStreamAndRestartedLosesAndDuplicatesNothing() {
        List<Subject> subjects = newSubjects("broker", 8);
        try (PacedWriter writer = new PacedWriter(api, subjects, Duration.ofMillis(100))) {
            awaitWrites(writer, 60);
            cluster.broker.kill();
            awaitWrites(writer, 100);
            cluster.broker.start();
            awaitWrites(writer, writer.writes() + 50);
            assertThat(writer.outcomes().keySet()).containsOnly(Outcome.ACCEPTED);
        }
        expectations.assertExactlyOnce(subjects, Expectations.Order.STRICT);
        assertNoDeadLettersFor(subjects);
    }

    // ---------------------------------------------------------------------------------------------------------
    // 7. A reminders-service instance killed while holding dispatch claims

    @Test
    @Order(6)
    void aRemindersInstanceKilledWhileHoldingClaimsLeavesEveryReminderDeliveredExactlyOnce() {
        Map<String, Node> instances = Map.of("reminders-a", reminders(), "reminders-b", cluster.node("reminders-service-b"));
        assertThat(instances.values()).as("two reminders-service instances").allMatch(Node::alive);
        List<Subject> subjects = Workload.subjects("reminders", 4, webhookTenant);
        everyone.addAll(subjects);
        int perClient = 3;
        Instant now = Instant.now();
        webhook.hold();
        List<ProducerRecord<String, byte[]>> assignments = new ArrayList<>();
        for (Subject subject : subjects) {
            List<Occurrence> occurrences = new ArrayList<>();
            for (int i = 0; i < perClient; i++) {
                // Due within the 15-minute lead time: each reminder is due to go out at once.
                Instant due = now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(5 + i));
                occurrences.add(new Occurrence(LocalDateTime.ofInstant(due, LONDON).toString(), due,
                        LocalDateTime.ofInstant(due, LONDON), due.plus(Duration.ofHours(2))));
            }
            assignments.add(eventRecord(subject.tenant, new HomeworkAssigned("hw-" + UUID.randomUUID(), subject.id,
                    subject.therapist, null, "RELAXATION", Workload.TIME_ZONE, 1, occurrences, now)));
        }
        kafka.sendAll(assignments);

        // An instance has claimed due reminders and is in the middle of delivering one (the provider does not answer
        // yet): SIGKILL it there, well within the webhook's 10 s timeout, and let the provider answer again.
        await("a delivery in flight").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                .until(() -> !webhook.deliveries().isEmpty());
        String inFlightKey = webhook.deliveries().get(0).idempotencyKey();
        Document inFlight = remindersWhere(Filters.eq("status", "CLAIMED")).stream()
                .filter(r -> sha256(r.getString("_id")).equals(inFlightKey)).findFirst().orElseThrow();
        String victim = inFlight.getString("claimedBy");
        Node killed = instances.get(victim);
        killed.kill();
        webhook.release();
        // What the killed instance held: those claims must wait for its lease, then go out once.
        Map<String, Instant> orphaned = new HashMap<>();
        remindersWhere(Filters.and(Filters.eq("status", "CLAIMED"), Filters.eq("claimedBy", victim)))
                .forEach(r -> orphaned.put(sha256(r.getString("_id")), r.getDate("leaseUntil").toInstant()));
        log.info("Killed {} while it held {} claims, delivering {}", victim, orphaned.size(), inFlightKey);
        assertThat(orphaned).as("claims the killed instance held").containsKey(inFlightKey);

        await("every reminder sent").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() ->
                subjects.stream().allMatch(s -> remindersOf(s, "SENT").size() == perClient));

        Set<String> keys = new HashSet<>();
        subjects.forEach(s -> remindersOf(s, null).forEach(r -> keys.add(r.path("idempotencyKey").asString())));
        assertThat(keys).hasSize(subjects.size() * perClient);
        List<WebhookSink.Delivery> ours = webhook.deliveries().stream()
                .filter(d -> subjects.stream().anyMatch(s -> d.body().contains(s.id))).toList();
        log.info("Deliveries: {}", ours.stream().map(d -> d.idempotencyKey().substring(0, 8) + "@" + d.receivedAt()).toList());
        assertThat(ours).allMatch(WebhookSink.Delivery::signatureValid);
        Map<String, List<WebhookSink.Delivery>> byKey = ours.stream()
                .collect(Collectors.groupingBy(WebhookSink.Delivery::idempotencyKey));
        assertThat(byKey.keySet()).as("every reminder reached the provider").isEqualTo(keys);
        byKey.forEach((key, deliveries) -> {
            if (key.equals(inFlightKey)) {
                // Cut off mid-request by the kill; the survivor sent it again, with the same key, after the lease.
                assertThat(deliveries).as("the delivery the killed instance was making").hasSize(2);
            } else {
                assertThat(deliveries).as("deliveries of " + key).hasSize(1);
            }
            if (orphaned.containsKey(key)) {
                assertThat(deliveries.get(deliveries.size() - 1).receivedAt()).as("taken over only after the lease")
                        .isAfterOrEqualTo(orphaned.get(key).minusMillis(500));
            }
        });
        // And exactly one reminder-sent event per reminder on the topic.
        Set<String> tenantClients = subjects.stream().map(s -> s.id).collect(Collectors.toSet());
        await("reminder-sent events published").atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            Map<String, Set<String>> sentEvents = kafka.readAll(cluster.prefix + "steady.reminders.events").stream()
                    .filter(r -> webhookTenant.equals(KafkaProbe.tenant(r)) && tenantClients.contains(r.key()))
                    .filter(r -> EventType.REMINDER_SENT.type().equals(KafkaProbe.type(r)))
                    .collect(Collectors.groupingBy(r -> Workload.JSON.readTree(r.value()).path("reminderId").asString(),
                            Collectors.mapping(KafkaProbe::id, Collectors.toSet())));
            assertThat(sentEvents.keySet()).isEqualTo(keys);
            sentEvents.forEach((key, ids) -> assertThat(ids).as("reminder-sent events of " + key).hasSize(1));
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // 5. Every topic replayed from the beginning into fresh consumer groups

    @Test
    @Order(7)
    void replayingEveryTopicIntoFreshConsumerGroupsLeavesEveryProjectionExactlyAsItWas() {
        if (everyone.isEmpty()) { // run on its own: some history to replay
            List<Subject> subjects = newSubjects("replay", 3);
            try (PacedWriter writer = new PacedWriter(api, subjects, Duration.ofMillis(200))) {
                awaitWrites(writer, 30);
            }
            expectations.assertExactlyOnce(subjects, Expectations.Order.STRICT);
        }
        awaitQuiet();
        Map<String, Object> before = fingerprint();

        String replay = "replay-" + UUID.randomUUID().toString().substring(0, 6);
        List<Node> consumers = List.of(goals(), homework(), reminders(), cluster.node("reminders-service-b"), analytics());
        FaultCluster.stopTogether(consumers.stream().filter(Node::alive).toList());
        consumers.forEach(node -> node.group = node.service + "-" + replay);
        FaultCluster.startTogether(consumers);
        Map<Node, List<String>> reads = Map.of(
                goals(), cluster.topics("steady.goals.events", "steady.homework.events", "steady.reminders.events",
                        "steady.analytics.events"),
                homework(), cluster.topics("steady.goals.events"),
                reminders(), cluster.topics("steady.goals.events", "steady.homework.events", "steady.analytics.events"),
                analytics(), cluster.topics("steady.goals.events", "steady.homework.events"));
        reads.forEach((node, topics) -> await(node.group + " replayed everything").atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(2)).until(() -> kafka.caughtUp(node.group, topics)));
        // The dispatchers had their chance to (wrongly) send anything again.
        int deliveries = webhook.deliveries().size();
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(15))
                .until(() -> webhook.deliveries().size() == deliveries);

        Map<String, Object> after = fingerprint();
        Map<String, String> changed = new TreeMap<>();
        Set<String> keys = new HashSet<>(before.keySet());
        keys.addAll(after.keySet());
        keys.forEach(key -> {
            if (!java.util.Objects.equals(before.get(key), after.get(key))) {
                changed.put(key, "before: " + before.get(key) + "\n  after: " + after.get(key));
            }
        });
        assertThat(changed).as("what the replay changed (of " + before.size() + " projections, reminders and topics)")
                .isEmpty();
        // The poison is dead-lettered again by the new group, and nothing else is.
        List<ConsumerRecord<String, byte[]>> replayedDeadLetters = kafka.readAll(cluster.prefix
                + "steady.homework.events." + analytics().group + ".dlt");
        assertThat(replayedDeadLetters.stream().filter(r -> KafkaProbe.header(r, PROBE) != null).count())
                .as("hostile events dead-lettered by the replaying group").isEqualTo(HOSTILE_EVENTS);
        assertThat(replayedDeadLetters).as("nothing valid dead-lettered by the replay").hasSize(HOSTILE_EVENTS);
        expectations.assertExactlyOnce(everyone.stream().filter(s -> !s.tenant.equals(webhookTenant)).toList(),
                Expectations.Order.NONE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Not a fault the brief lists, but the consequence of two of them (a relay killed, or the store failing, between
    // Kafka's commit of a round and the removal of its events from the outbox, after a backlog built up): the relay
    // sends the round again at later offsets. A round holds at most max-events-per-subject (16) events of a client.

    @Test
    @Order(8)
    void roundsSentAgainByARestartedRelayAreNotAppliedTwice() {
        List<Subject> subjects = newSubjects("resend", 1);
        Subject subject = subjects.get(0);
        LocalDate day = LocalDate.now(LONDON).minusDays(1);
        List<ProducerRecord<String, byte[]>> published = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> round = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Mood mood = new Mood("me-" + UUID.randomUUID(), i % 11, day);
            subject.directMoods.add(mood);
            round.add(eventRecord(subject.tenant, moodLogged(subject, mood)));
            if (round.size() == ConsumptionLedger.MAX_RESENT_PER_SUBJECT || i == 99) {
                // Every round is sent twice (same ce_id, same data), as by a relay that dies after each commit.
                published.addAll(round);
                published.addAll(round);
                round = new ArrayList<>();
            }
        }
        kafka.sendAll(published);
        expectations.assertExactlyOnce(subjects, Expectations.Order.NONE);
    }

    // ---------------------------------------------------------------------------------------------------------

    static Node goals() {
        return cluster.node("goals-service");
    }

    static Node homework() {
        return cluster.node("homework-service");
    }

    static Node reminders() {
        return cluster.node("reminders-service");
    }

    static Node analytics() {
        return cluster.node("analytics-service");
    }

    private static String[] with(String[] arguments, String... more) {
        return Stream.concat(Stream.of(arguments), Stream.of(more)).toArray(String[]::new);
    }

    private static List<Subject> newSubjects(String scenario, int count) {
        List<Subject> subjects = Workload.subjects(scenario, count, null);
        subjects.forEach(api::assign);
        everyone.addAll(subjects);
        return subjects;
    }

    private static void awaitWrites(PacedWriter writer, long count) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> writer.writes() >= count);
    }

    private static void awaitCaseloadKnownTo(List<Subject> subjects, Node... services) {
        for (Node service : services) {
            String path = service.service.equals("analytics-service") ? "/goal-counts" : "/reminders";
            await(service.instance + " knows the caseload").atMost(Duration.ofMinutes(1)).until(() -> subjects.stream()
                    .allMatch(s -> Workload.call("GET", service.url("/clients/" + s.id + path), s.asTherapist(), null)
                            .status() == 200));
        }
    }

    private static void assertDegradedButReady(Node node) {
        Workload.Answer health = Workload.call("GET", node.url("/actuator/health/readiness"), TestTokens.operator("ops"), null);
        assertThat(health.status()).as(node.instance + " readiness while Kafka is down: " + health.body()).isEqualTo(200);
    }

    private static void publishDirectMoods(List<Subject> subjects, LocalDate day, int perSubject) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (Subject subject : subjects) {
            for (int i = 0; i < perSubject; i++) {
                Mood mood = new Mood("me-" + UUID.randomUUID(), (i * 5 + subject.directMoods.size()) % 11, day);
                subject.directMoods.add(mood);
                records.add(eventRecord(subject.tenant, moodLogged(subject, mood)));
            }
        }
        kafka.sendAll(records);
    }

    private static MoodLogged moodLogged(Subject subject, Mood mood) {
        LocalDateTime local = mood.day().atTime(12, 0);
        return new MoodLogged(mood.entryId(), subject.id, mood.mood(), null, null, null, List.of(), null,
                local.atZone(LONDON).toInstant(), local, Workload.TIME_ZONE);
    }

    /** A valid event as its producer would publish it. */
    private static ProducerRecord<String, byte[]> eventRecord(String tenant, EventData data) {
        EventType type = EventType.of(data);
        return KafkaProbe.record(type.topic().nameWithPrefix(cluster.prefix), data.subjectId(),
                TestEvents.headers(type, tenant, data.subjectId()), json.write(data));
    }

    /** No valid event of these clients was dead-lettered by analytics (store or broker trouble is never the event's fault). */
    private static void assertNoDeadLettersFor(List<Subject> subjects) {
        Set<String> ids = subjects.stream().map(s -> s.id).collect(Collectors.toSet());
        for (String topic : cluster.topics("steady.goals.events", "steady.homework.events")) {
            List<ConsumerRecord<String, byte[]>> letters = kafka.readAll(topic + "." + analytics().group + ".dlt").stream()
                    .filter(r -> ids.contains(r.key())).toList();
            assertThat(letters).as("dead letters of valid events on " + topic + ": "
                    + letters.stream().map(r -> KafkaProbe.header(r, DeadLetters.REASON)).toList()).isEmpty();
        }
    }

    private static long pendingOutboxEvents() {
        long pending = 0;
        try {
            for (String database : List.of("steady-goals", "steady-homework")) {
                for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                    pending += mongo.getDatabase(database).getCollection(collection)
                            .countDocuments(Filters.eq("_outboxPending", true));
                }
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return pending;
    }

    private static List<Document> remindersWhere(org.bson.conversions.Bson filter) {
        return mongo.getDatabase("steady-reminders").getCollection("reminders")
                .find(Filters.and(Filters.eq("tenantId", webhookTenant), filter)).into(new ArrayList<>());
    }

    private static List<JsonNode> remindersOf(Subject subject, String status) {
        Node instance = reminders().alive() ? reminders() : cluster.node("reminders-service-b");
        Workload.Answer answer = Workload.call("GET", instance.url("/clients/" + subject.id + "/reminders"
                + (status == null ? "" : "?status=" + status)), subject.asClient(), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        answer.json().forEach(found::add);
        return found;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until nothing is on its way any more, so that whatever changes afterwards is the replay's doing: every
     * therapist's weekly digest made (analytics makes them on a clock, for new therapists within a minute), every
     * outbox empty, every consumer group at the end of its topics, no reminder of the scenarios due and unsent.
     */
    private static void awaitQuiet() {
        Set<String> therapists = everyone.stream().filter(s -> !s.tenant.equals(webhookTenant))
                .map(s -> s.tenant + "|" + s.therapist).collect(Collectors.toSet());
        Set<String> tenants = everyone.stream().map(s -> s.tenant).collect(Collectors.toSet());
        // Says what is not quiet yet, so that a timeout names it (digests, outboxes, due reminders or a lagging group).
        await("quiet before the replay").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Set<String> undigested = new HashSet<>(therapists);
            mongo.getDatabase("steady-analytics").getCollection("therapist_digests").find()
                    .forEach(d -> undigested.remove(d.getString("tenantId") + "|" + d.getString("therapistId")));
            long pending = 0;
            for (String database : List.of("steady-goals", "steady-homework", "steady-reminders", "steady-analytics")) {
                for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                    pending += mongo.getDatabase(database).getCollection(collection)
                            .countDocuments(Filters.eq("_outboxPending", true));
                }
            }
            long due = mongo.getDatabase("steady-reminders").getCollection("reminders").countDocuments(Filters.and(
                    Filters.in("tenantId", tenants), Filters.in("status", "SCHEDULED", "CLAIMED"),
                    Filters.lte("sendAt", java.util.Date.from(Instant.now()))));
            Map<String, Object> notQuiet = new java.util.TreeMap<>();
            if (!undigested.isEmpty()) {
                notQuiet.put("therapists without a digest", undigested.size());
            }
            if (pending > 0) {
                notQuiet.put("documents with outbox events pending", pending);
            }
            if (due > 0) {
                notQuiet.put("reminders due and unsent", due);
            }
            if (!kafka.caughtUp(analytics().group, cluster.topics("steady.goals.events", "steady.homework.events"))) {
                notQuiet.put("analytics' consumer group", "behind");
            }
            if (!kafka.caughtUp(reminders().group, cluster.topics("steady.goals.events", "steady.homework.events",
                    "steady.analytics.events"))) {
                notQuiet.put("reminders' consumer group", "behind");
            }
            assertThat(notQuiet).as("not quiet yet").isEmpty();
        });
    }

    /**
     * Everything a replay could wrongly change: analytics' projections of every client (whole documents, with their
     * versions and consumption ledgers), its flags and digests, every reminder of the scenarios' tenants, and the
     * business events on every topic (a replay must publish nothing anew).
     */
    private static Map<String, Object> fingerprint() {
        Map<String, Object> print = new TreeMap<>();
        Set<String> tenants = new HashSet<>();
        everyone.forEach(s -> tenants.add(s.tenant));
        for (String collection : List.of("client_records", "client_goals", "risk_flags")) {
            for (Subject subject : everyone) {
                mongo.getDatabase("steady-analytics").getCollection(collection)
                        .find(Filters.and(Filters.eq("tenantId", subject.tenant), Filters.eq("clientId", subject.id)))
                        .forEach(document -> print.put("analytics." + collection + "." + document.get("_id"), document.toJson()));
            }
        }
        print.put("analytics.therapist_digests", mongo.getDatabase("steady-analytics").getCollection("therapist_digests")
                .countDocuments());
        mongo.getDatabase("steady-reminders").getCollection("reminders").find(Filters.in("tenantId", tenants))
                .forEach(document -> print.put("reminders." + document.get("_id"), document.toJson()));
        for (String topic : cluster.topics("steady.goals.events", "steady.homework.events", "steady.reminders.events",
                "steady.analytics.events")) {
            Map<String, Long> types = kafka.readAll(topic).stream().filter(r -> {
                String type = KafkaProbe.type(r);
                // Audit records and the caseload's heartbeats come with reads and with time, not with the state
                // a replay must reproduce.
                return type != null && !type.endsWith(".client-record-accessed.v1")
                        && !type.equals(EventType.CASELOAD_HEARTBEAT.type());
            }).collect(Collectors.groupingBy(r -> String.valueOf(KafkaProbe.type(r)), TreeMap::new, Collectors.counting()));
            print.put("topic." + topic, types);
        }
        print.put("webhook.deliveries", webhook.deliveries().size());
        return print;
    }
}
