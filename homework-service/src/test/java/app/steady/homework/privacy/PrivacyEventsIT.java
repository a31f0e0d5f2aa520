package app.steady.homework.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.homework.encryption.ClientKeyStore;
import app.steady.homework.encryption.TextCipher;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.privacy.Sealing;
import app.steady.platform.privacy.SubjectDigest;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The platform's privacy work as homework-service does it, driven by events on the real broker: erasure (data,
 * keys, acknowledgement, later events ignored), export (a sealed part only the requester can open), and the tenant
 * rule on the event path.
 */
@SteadyIntegrationTest
class PrivacyEventsIT {

    static final String SECRET = "I finally slept through the night";
    static final String PLAN_STEP = "Go for a walk with the dog";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ClientKeyStore keys;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;
    @Autowired
    CaseloadDirectory caseload;
    @Autowired
    MeterRegistry meters;
    @Autowired
    SubjectDigest digest;
    @Value("${steady.consumer.group}")
    String group;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    @Test
    void anErasureRequestErasesTheClientDestroysTheKeyAndLaterEventsAreIgnored() throws Exception {
        String entryId = writeJournalAndMood();
        Document rawCopy = mongo.getCollection("journal_entries").find(new Document("_id", entryId)).first();
        TextCipher cipher = new TextCipher(keys);
        assertThat(cipher.decrypt(tenant, client, entryId, rawCopy.getString("encryptedText"))).contains(SECRET);

        String erasureId = UUID.randomUUID().toString();
        TestEvents.publish(topics, json, tenant, new ClientErasureRequested(erasureId, client, "ADMIN", Instant.now()));

        ConsumerRecord<String, byte[]> acknowledgement = awaitOurs(EventType.HOMEWORK_CLIENT_ERASED);
        assertThat(schemas.violations(EventType.HOMEWORK_CLIENT_ERASED, json.readTree(acknowledgement.value()))).isEmpty();
        ClientErased erased = json.read(json.readTree(acknowledgement.value()), ClientErased.class);
        assertThat(erased.erasureId()).isEqualTo(erasureId);
        assertThat(erased.keysDestroyed()).isTrue();
        assertThat(erased.parts()).as("what each store reported removed")
                .contains(new ClientErased.Part("client_keys", 0, 1), new ClientErased.Part("journal_entries", 1, 0),
                        new ClientErased.Part("mood_entries", 1, 0));
        assertThat(erased.documentsErased()).as("journal, mood, caseload copy").isGreaterThanOrEqualTo(3);

        for (String collection : List.of("journal_entries", "mood_entries", "caseload_replica", "assignments",
                "client_wellness_plans")) {
            assertThat(mongo.getCollection(collection).countDocuments(new Document("clientId", client))).as(collection).isZero();
        }
        assertThat(keys.existingKeyFor(tenant, client)).isEmpty();
        assertThat(cipher.decrypt(tenant, client, entryId, rawCopy.getString("encryptedText")))
                .as("a raw copy taken before erasure").isEmpty();
        mvc.perform(post("/clients/{c}/journal", client).header("Authorization", TestTokens.client(tenant, client))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"still here?\"}")).andExpect(status().isNotFound());

        double ignoredBefore = ignoredErasedClientEvents();
        TestEvents.publish(topics, json, tenant, new ClientAssigned(client, therapist, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> ignoredErasedClientEvents() > ignoredBefore);
        assertThat(caseload.therapistOf(tenant, client)).as("a replayed assignment does not bring the client back").isEmpty();

        TestEvents.publish(topics, json, tenant, new ClientErasureRequested(erasureId, client, "ADMIN", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.find("steady.events.consumed")
                .tags("type", EventType.CLIENT_ERASURE_REQUESTED.type(), "outcome", "applied").counter().count() >= 2);
        assertThat(mongo.getCollection("erased_clients").countDocuments(
                new Document("_id", digest.of(tenant, client)).append("erasureId", erasureId)))
                .as("one tombstone, written with the one acknowledgement").isEqualTo(1);
    }

    /** The proof observes: a client who never wrote anything encrypted had no key, so none is reported destroyed. */
    @Test
    void anErasureReportsOnlyWhatTheStoresActuallyRemoved() {
        String erasureId = UUID.randomUUID().toString();
        TestEvents.publish(topics, json, tenant, new ClientErasureRequested(erasureId, client, "ADMIN", Instant.now()));

        ClientErased erased = json.read(json.readTree(awaitOurs(EventType.HOMEWORK_CLIENT_ERASED).value()),
                ClientErased.class);
        assertThat(erased.keysDestroyed()).as("no key existed, so none was destroyed").isFalse();
        assertThat(erased.parts()).contains(new ClientErased.Part("client_keys", 0, 0),
                new ClientErased.Part("caseload_replica", 1, 0), new ClientErased.Part("journal_entries", 0, 0));
    }

    @Test
    void anExportRequestIsAnsweredWithAPartOnlyTheRequesterCanOpen() throws Exception {
        writeJournalAndMood();
        KeyPair exportKeys = Sealing.newKeyPair();
        String exportId = UUID.randomUUID().toString();
        TestEvents.publish(topics, json, tenant, new ClientExportRequested(exportId, client,
                Sealing.encode(exportKeys.getPublic()), Instant.now()));

        ConsumerRecord<String, byte[]> answer = awaitOurs(EventType.HOMEWORK_CLIENT_DATA_EXPORTED);
        assertThat(new String(answer.value(), StandardCharsets.UTF_8)).doesNotContain("slept");
        ClientDataExported part = json.read(json.readTree(answer.value()), ClientDataExported.class);
        assertThat(part.exportId()).isEqualTo(exportId);
        String opened = new String(Sealing.open(Sealing.encode(exportKeys.getPrivate()),
                new Sealing.Sealed(part.sealedKey(), part.nonce(), part.ciphertext())), StandardCharsets.UTF_8);
        assertThat(opened).contains(SECRET, "\"note\":\"rested\"", "journal_entries", "mood_entries",
                "client_wellness_plans", PLAN_STEP, "\"name\":\"Maya\"");
    }

    @Test
    void anEventWhoseTenantIsNotItsClientsIsDeadLettered() {
        TestEvents.publish(topics, json, "another-tenant", new ClientUnassigned(client, therapist, Instant.now()));

        String deadLetters = topics.deadLetterTopic(topics.of(Topic.GOALS), group);
        ConsumerRecord<String, byte[]> dead = KafkaTestClient.shared().readUntil(deadLetters, Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> client.equals(r.key())))
                .stream().filter(r -> client.equals(r.key())).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(dead, DeadLetters.REASON))
                .contains("ce_tenant another-tenant does not match the tenant of client " + client);
        assertThat(caseload.therapistOf(tenant, client)).as("the client's own tenant is untouched").contains(therapist);
    }

    /** Journal, mood and the client's copy of their wellness plan (from goals-service's event). */
    private String writeJournalAndMood() throws Exception {
        TestEvents.publish(topics, json, tenant, new WellnessPlanUpdated(tenant + ":" + client, client, 1, Instant.now(),
                List.of(PLAN_STEP), List.of(new WellnessPlanUpdated.Contact("Maya", "sister", "+44 7700 900123"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("client_wellness_plans")
                .countDocuments(new Document("clientId", client)) == 1);
        String location = mvc.perform(post("/clients/{c}/journal", client).header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + SECRET + "\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        mvc.perform(post("/clients/{c}/mood", client).header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"mood\":7,\"note\":\"rested\",\"timeZone\":\"Europe/London\"}"))
                .andExpect(status().isCreated());
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private double ignoredErasedClientEvents() {
        var counter = meters.find("steady.events.ignored").tag("reason", "erased-client").counter();
        return counter == null ? 0 : counter.count();
    }

    private ConsumerRecord<String, byte[]> awaitOurs(EventType type) {
        return KafkaTestClient.shared().readUntil(topics.of(Topic.HOMEWORK), Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(r -> isOurs(r, type)))
                .stream().filter(r -> isOurs(r, type)).findFirst().orElseThrow();
    }

    private boolean isOurs(ConsumerRecord<String, byte[]> record, EventType type) {
        return tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT)) && client.equals(record.key())
                && type.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }
}
