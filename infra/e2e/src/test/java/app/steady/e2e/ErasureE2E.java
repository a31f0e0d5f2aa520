package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.homework.encryption.ClientKeyStore;
import app.steady.platform.crypto.AesGcm;
import app.steady.platform.keys.MasterKeys;
import app.steady.platform.keys.SealedFields;
import app.steady.testing.KafkaTestClient;
import tools.jackson.databind.json.JsonMapper;
import app.steady.homework.encryption.TextCipher;
import app.steady.local.ServiceProcess;
import app.steady.testing.SteadyTestInfrastructure;
import app.steady.testing.TestTokens;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The right to erasure across all four services, as separate processes on the real broker and store: a client with
 * goals, a journal, moods, reminder settings and an analytics record exports their data, is then erased on their
 * admin's request, and afterwards no store holds their id, a raw copy of their journal taken before cannot be
 * decrypted, nothing of their health data in Kafka's history opens any more (every topic from offset 0, dead letters
 * included, read with the master keys: it all opened before), and replaying every topic into fresh consumer groups
 * brings nothing back.
 */
class ErasureE2E {

    static final String PREFIX = "e2e" + UUID.randomUUID().toString().substring(0, 6) + ".";
    static final String JOURNAL_TEXT = "Felt calmer after the walk by the river";
    static final Map<String, ServiceProcess> services = new java.util.LinkedHashMap<>();
    /**
     * Key topics that compact within seconds instead of the default hour, so the test can watch an erased key leave
     * Kafka (the broker's cleaner runs every second in tests).
     */
    static final String[] QUICK_COMPACTION = {"--steady.keys.topic-segment=2s",
            "--steady.keys.topic-max-compaction-lag=2s", "--steady.keys.roll-every=2s"};

    static final String BOOTSTRAP = SteadyTestInfrastructure.get().kafkaBootstrapServers();
    static final MasterKeys MASTER_KEYS = MasterKeys.parse(SteadyTestInfrastructure.MASTER_KEYS);

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final MongoClient mongo = MongoClients.create(SteadyTestInfrastructure.get().mongoUri());

    @BeforeAll
    static void startServices() {
        for (String service : List.of("goals-service", "homework-service", "reminders-service", "analytics-service")) {
            services.put(service, SteadyProcesses.start(service, PREFIX, QUICK_COMPACTION));
        }
    }

    @AfterAll
    static void stopServices() {
        services.values().forEach(ServiceProcess::stop);
    }

    @Test
    void anErasedClientIsGoneFromEveryStoreAndStaysGoneThroughAReplay() {
        String admin = TestTokens.admin(tenant, "admin-1");
        String asClient = TestTokens.client(tenant, client);
        String asTherapist = TestTokens.therapist(tenant, therapist);
        OnCall.setFor(services.get("goals-service").baseUrl(), tenant);
        ok(send("goals-service", "PUT", "/caseload/clients/" + client, admin, "{\"therapistId\":\"" + therapist + "\"}"));
        // Every service learns the caseload from events before the client can use it.
        await().atMost(Duration.ofSeconds(60)).until(() -> send("homework-service", "GET", "/clients/" + client
                + "/mood", asTherapist, null).status() == 200);
        Http.Response proposed = send("goals-service", "POST", "/clients/" + client + "/goals", asClient,
                "{\"title\":\"Walk every morning\"}");
        ok(send("goals-service", "POST", proposed.location() + "/agreement", asTherapist, "{\"version\":1}"));
        Http.Response journal = send("homework-service", "POST", "/clients/" + client + "/journal", asClient,
                "{\"text\":\"" + JOURNAL_TEXT + "\"}");
        ok(journal);
        ok(send("homework-service", "POST", "/clients/" + client + "/mood", asClient,
                "{\"mood\":6,\"note\":\"Slept well\",\"timeZone\":\"Europe/London\"}"));
        ok(send("homework-service", "POST", "/clients/" + client + "/mood", asClient,
                "{\"mood\":2,\"emotions\":[\"anxious\",\"tired\"],\"note\":\"Could not get up\",\"timeZone\":\"Europe/London\"}"));
        ok(send("homework-service", "POST", "/clients/" + client + "/journal", asClient,
                "{\"text\":\"A second, shared entry\",\"sharedWithTherapist\":true}"));
        ok(send("homework-service", "POST", "/clients/" + client + "/assessments", asClient,
                "{\"measure\":\"PHQ-9\",\"items\":[2,2,1,1,1,1,1,1,1]}"));
        await().atMost(Duration.ofSeconds(60)).until(() -> send("analytics-service", "GET", "/clients/" + client
                + "/flags", asTherapist, null).body().contains("SAFETY_ITEM"));
        deadLetterASealedEventOfTheClient();
        SealedHistory before = new SealedHistory(KafkaHistory.readAll(BOOTSTRAP, PREFIX), MASTER_KEYS);
        assertThat(before.readableHealthDataOf(client)).as("before erasure, with the master keys: all of it opens")
                .noneMatch(found -> found.endsWith(" in clear"))
                .anyMatch(found -> found.contains("assessment-completed.v1 opens to") && found.contains("itemScores"))
                .anyMatch(found -> found.contains("mood-logged.v1 opens to") && found.contains("anxious"))
                .anyMatch(found -> found.contains("risk-flag-raised.v1 opens to") && found.contains("evidence"))
                .anyMatch(found -> found.contains(".dlt: ") && found.contains("mood-logged.v1 opens to"));
        await().atMost(Duration.ofSeconds(60)).until(() -> send("reminders-service", "PUT", "/clients/" + client
                + "/reminder-settings", asClient, "{\"timeZone\":\"Europe/London\"}").status() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send("analytics-service", "GET", "/clients/" + client
                + "/goal-counts", asTherapist, null).body().contains("\"active\":1,"));
        assertThat(databasesHoldingTheClient()).as("the client's data before erasure")
                .contains("steady-goals", "steady-homework", "steady-reminders", "steady-analytics");

        String entryId = journal.location().substring(journal.location().lastIndexOf('/') + 1);
        Document rawCopy = mongo.getDatabase("steady-homework").getCollection("journal_entries")
                .find(Filters.eq("_id", entryId)).first();
        assertThat(rawCopy.toJson()).doesNotContain(JOURNAL_TEXT);
        assertThat(decrypt(entryId, rawCopy)).as("readable while the key exists").contains(JOURNAL_TEXT);

        String bundle = exportedBundle(asClient);
        assertThat(bundle).contains(JOURNAL_TEXT, "Walk every morning", "Europe/London", "goals-service",
                "homework-service", "reminders-service", "analytics-service");

        Http.Response erasure = send("goals-service", "POST", "/clients/" + client + "/erasure", admin, null);
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).until(() -> send("goals-service", "GET", erasure.location(), admin, null)
                .body().contains("\"status\":\"COMPLETE\""));
        String proof = send("goals-service", "GET", erasure.location(), admin, null).body();
        assertThat(proof).contains("goals-service", "homework-service", "reminders-service", "analytics-service")
                .contains("\"keysDestroyed\":true").doesNotContain(client)
                // observed, per place: the homework key store reports the one key it deleted
                .contains("{\"where\":\"client_keys\",\"documents\":0,\"keys\":1,")
                .contains("\"where\":\"journal_entries\"", "\"where\":\"client_records\"", "\"where\":\"goals\"")
                // each producer of sealed events tombstoned the client's data key on its key topic, at an offset
                .containsPattern("\"keyTopicTombstone\":\"" + java.util.regex.Pattern.quote(PREFIX)
                        + "steady\\.homework\\.keys-\\d+@\\d+\"")
                .containsPattern("\"keyTopicTombstone\":\"" + java.util.regex.Pattern.quote(PREFIX)
                        + "steady\\.analytics\\.keys-\\d+@\\d+\"");

        // Every topic from offset 0, dead letters included, read with the master keys: once compaction has removed
        // the tombstoned keys (within segment.ms + max.compaction.lag.ms), nothing of the client's health data opens.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(new SealedHistory(KafkaHistory.readAll(BOOTSTRAP, PREFIX), MASTER_KEYS)
                        .readableHealthDataOf(client)).as("the client's health data readable in Kafka").isEmpty());

        assertThat(databasesHoldingTheClient()).as("stores holding the client after erasure").isEmpty();
        assertThat(decrypt(entryId, rawCopy)).as("the raw copy taken before erasure").isEmpty();
        assertThat(send("homework-service", "GET", "/clients/" + client + "/journal", asClient, null).status())
                .as("the erased client's still-valid token").isEqualTo(404);

        replayEveryTopicIntoFreshConsumerGroups();
        assertThat(databasesHoldingTheClient()).as("stores holding the client after a full replay").isEmpty();
    }

    /**
     * A poison event, as a buggy producer would send it: a mood of 99, sealed under the client's real homework key
     * (taken from the key topic with the master keys). Consumers open it, find it invalid and dead-letter it sealed.
     */
    private void deadLetterASealedEventOfTheClient() {
        SealedHistory history = new SealedHistory(KafkaHistory.readAll(BOOTSTRAP, PREFIX), MASTER_KEYS);
        String keyId = KafkaHistory.readAll(BOOTSTRAP, PREFIX).stream()
                .filter(entry -> client.equals(entry.header(CloudEventHeaders.SUBJECT))
                        && EventType.MOOD_LOGGED.type().equals(entry.header(CloudEventHeaders.TYPE)))
                .map(entry -> JsonMapper.builder().build().readTree(entry.value()).path("sealed").path("keyId").asString())
                .findFirst().orElseThrow();
        javax.crypto.SecretKey key = history.liveKey(keyId).orElseThrow();
        String health = "{\"mood\":99,\"emotions\":[\"anxious\"]}";
        String ciphertext = java.util.Base64.getEncoder().encodeToString(AesGcm.encrypt(key,
                health.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                SealedFields.associatedData(EventType.MOOD_LOGGED.type(), tenant, client, keyId)));
        String data = "{\"entryId\":\"poison-" + UUID.randomUUID() + "\",\"clientId\":\"" + client
                + "\",\"loggedAt\":\"2026-06-01T09:00:00Z\",\"loggedLocal\":\"2026-06-01T10:00:00\","
                + "\"timeZone\":\"Europe/London\",\"sealed\":{\"keyId\":\"" + keyId + "\",\"ciphertext\":\""
                + ciphertext + "\"}}";
        new KafkaTestClient(BOOTSTRAP).send(PREFIX + Topic.HOMEWORK.baseName(), client, Map.of(
                CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE,
                CloudEventHeaders.ID, UUID.randomUUID().toString(),
                CloudEventHeaders.TYPE, EventType.MOOD_LOGGED.type(),
                CloudEventHeaders.SOURCE, "homework-service",
                CloudEventHeaders.SUBJECT, client,
                CloudEventHeaders.TENANT, tenant,
                CloudEventHeaders.TIME, java.time.Instant.now().toString(),
                CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE),
                data.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(60)).until(() -> KafkaHistory.readAll(BOOTSTRAP, PREFIX).stream()
                .anyMatch(entry -> entry.topic().endsWith(".dlt") && client.equals(entry.header(CloudEventHeaders.SUBJECT))));
    }

    private String exportedBundle(String asClient) {
        Http.Response requested = send("goals-service", "POST", "/clients/" + client + "/exports", asClient, null);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> send("goals-service", "GET", requested.location(), asClient,
                null).status() == 200);
        return send("goals-service", "GET", requested.location(), asClient, null).body();
    }

    /** Homework's own decryption path, with the key store as it is now. */
    private Optional<String> decrypt(String entryId, Document rawCopy) {
        ClientKeyStore keys = new ClientKeyStore(new MongoTemplate(mongo, "steady-homework-keys"), MASTER_KEYS, null,
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), Clock.systemUTC());
        return new TextCipher(keys).decrypt(tenant, client, entryId, rawCopy.getString("encryptedText"));
    }

    /** Every database of the platform, every collection, every document: where does the client's id appear? */
    private Set<String> databasesHoldingTheClient() {
        Set<String> holding = new java.util.TreeSet<>();
        for (String database : mongo.listDatabaseNames()) {
            if (!database.startsWith("steady-")) {
                continue;
            }
            for (String collection : mongo.getDatabase(database).listCollectionNames()) {
                for (Document document : mongo.getDatabase(database).getCollection(collection).find()) {
                    if (document.toJson().contains(client)) {
                        holding.add(database);
                        holding.add(database + "." + collection);
                    }
                }
            }
        }
        return holding;
    }

    /** Restarts the consuming services in new consumer groups: they read every topic from the beginning. */
    private void replayEveryTopicIntoFreshConsumerGroups() {
        Map<String, String> groups = new java.util.LinkedHashMap<>();
        for (String service : List.of("homework-service", "reminders-service", "analytics-service")) {
            services.get(service).stop();
            String group = service + "-replay-" + UUID.randomUUID().toString().substring(0, 6);
            groups.put(service, group);
            services.put(service, SteadyProcesses.start(service, PREFIX, "--steady.consumer.group=" + group));
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                SteadyTestInfrastructure.get().kafkaBootstrapServers()))) {
            for (String group : groups.values()) {
                await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> caughtUp(admin, group));
            }
        }
    }

    /** The group has committed offsets for its partitions, at the end of each. */
    private static boolean caughtUp(Admin admin, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        if (committed.isEmpty()) {
            return false;
        }
        Map<TopicPartition, OffsetSpec> latest = committed.keySet().stream()
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        List<TopicPartition> behind = new ArrayList<>();
        committed.forEach((partition, offset) -> {
            if (offset == null || offset.offset() < ends.get(partition).offset()) {
                behind.add(partition);
            }
        });
        return behind.isEmpty();
    }

    private static Http.Response send(String service, String method, String path, String token, String json) {
        return Http.send(method, services.get(service).baseUrl() + path, token, json);
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
