package app.steady.platform.keys;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.homework.MoodLogged;
import app.steady.platform.consuming.InboundEventReader;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.privacy.ErasedPart;
import app.steady.platform.privacy.SubjectDigest;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Crypto-shredding on a real KRaft broker and a real MongoDB-wire server: a producer's health fields leave it sealed
 * and open only for a consumer holding the data key from the key topic; erasure tombstones the key (the proof gets
 * the tombstone's position) and nothing sealed with it opens again, not even for a consumer that reads the key topic
 * from the start; the master key is rotated while events flow and, once the old version is gone, everything opens.
 */
class EventSealingIT {

    static final String V1 = "v1:" + Base64.getEncoder().encodeToString(bytes(1));
    static final String V2 = "v2:" + Base64.getEncoder().encodeToString(bytes(2));
    static final SubjectDigest DIGEST = SubjectDigest.withBase64Key(Base64.getEncoder().encodeToString(bytes(9)));
    static EmbeddedKafkaKraftBroker kafka;
    static MongoServer mongoServer;
    static MongoClient mongoClient;

    final TopicNames topics = new TopicNames("seal" + UUID.randomUUID().toString().substring(0, 8) + ".");
    final MongoTemplate keyStore = new MongoTemplate(mongoClient, "keys-" + UUID.randomUUID());
    final EventJson json = new EventJson();
    final String tenant = "tenant-" + UUID.randomUUID();
    final List<AutoCloseable> running = new ArrayList<>();
    Producer<String, byte[]> producer;

    @BeforeAll
    static void startBrokerAndStore() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + address.getPort());
    }

    @AfterAll
    static void stopBrokerAndStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
        kafka.destroy();
    }

    @AfterEach
    void stopRunning() throws Exception {
        for (AutoCloseable closeable : running) {
            closeable.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void healthFieldsLeaveSealedAndOpenOnlyWithTheKeyFromTheKeyTopic() {
        Producing homework = producing(V1);
        String wire = homework.sealer.write(EventType.MOOD_LOGGED, tenant, mood("client-a", 3, "hopeless"));

        assertThat(wire).as("nothing of the mood in clear").doesNotContain("hopeless").doesNotContain("\"mood\"")
                .contains("\"sealed\"").contains("\"entryId\"").contains("\"clientId\":\"client-a\"");

        InboundEventReader withoutKeysYet = reader(replica(V1, false));
        assertThat(read(withoutKeysYet, "client-a", wire)).isInstanceOf(InboundEventReader.AwaitingKey.class);

        InboundEventReader reader = reader(replica(V1, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(read(reader, "client-a", wire)).isInstanceOf(InboundEventReader.Accepted.class));
        MoodLogged opened = (MoodLogged) ((InboundEventReader.Accepted) read(reader, "client-a", wire)).event().data();
        assertThat(opened.mood()).isEqualTo(3);
        assertThat(opened.emotions()).containsExactly("hopeless");

        // Bound to its subject: the same sealed data under another client's id does not open.
        String moved = wire.replace("\"clientId\":\"client-a\"", "\"clientId\":\"client-b\"");
        assertThat(read(reader, "client-b", moved)).isInstanceOf(InboundEventReader.Rejected.class);
    }

    /**
     * The publisher polls a small list of keys to publish, not the keys (issue 17). A key whose instance died between
     * storing it and listing it is found again when a publisher starts, and the list empties once all is published.
     */
    @Test
    void aKeyStoredButNeverListedIsPublishedByTheNextPublisherAndTheListEmpties() {
        DataKeyStore unpublishing = new DataKeyStore(keyStore, MasterKeys.parse(V1), DIGEST, Clock.systemUTC());
        EventSealer sealer = new EventSealer(json, unpublishing);
        String wire = sealer.write(EventType.MOOD_LOGGED, tenant, mood("client-lost", 2, "tense"));
        keyStore.getCollection(DataKeyStore.TO_PUBLISH).deleteMany(new org.bson.Document());  // the crash

        InboundEventReader reader = reader(replica(V1, true));
        producing(V1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(read(reader, "client-lost", wire)).isInstanceOf(InboundEventReader.Accepted.class));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(keyStore.getCollection(DataKeyStore.TO_PUBLISH).countDocuments()).isZero());
    }

    @Test
    void eventsWrittenBeforeSealingExistedAreStillRead() {
        InboundEventReader reader = reader(replica(V1, false));
        String legacy = json.writeAsString(mood("client-old", 6, "calm"));
        assertThat(legacy).contains("\"mood\":6");
        assertThat(read(reader, "client-old", legacy)).isInstanceOf(InboundEventReader.Accepted.class);
    }

    @Test
    void erasureTombstonesTheKeyAndNothingSealedWithItOpensAgain() {
        Producing homework = producing(V1);
        String wire = homework.sealer.write(EventType.MOOD_LOGGED, tenant, mood("client-e", 2, "sad"));
        DataKeyReplica live = replica(V1, true);
        InboundEventReader reader = reader(live);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                read(reader, "client-e", wire) instanceof InboundEventReader.Accepted);

        List<ErasedPart> parts = homework.store.erase(tenant, "client-e");

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.keys()).as("the stored key, deleted").isEqualTo(1);
            assertThat(part.keyTopicTombstone()).as("where the tombstone landed")
                    .matches(topics.keysOf(Topic.HOMEWORK) + "-\\d+@\\d+");
        });
        assertThat(homework.store.erase(tenant, "client-e")).as("a second erasure finds nothing")
                .singleElement().extracting(ErasedPart::keys).isEqualTo(0L);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(read(reader, "client-e", wire)).isInstanceOf(InboundEventReader.KeyDestroyed.class));
        // A consumer starting now reads the key record and then its tombstone: it never holds the key.
        DataKeyReplica fresh = replica(V1, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> fresh.isDestroyed(keyIdOf(wire)));
        assertThat(fresh.key(keyIdOf(wire))).isEmpty();
    }

    @Test
    void theMasterKeyIsRotatedWhileEventsFlowAndTheOldVersionCanThenGo() throws Exception {
        AtomicReference<Producing> current = new AtomicReference<>(producing(V1));
        DataKeyReplica consumerWithBoth = replica(V2 + "," + V1, true);
        List<String[]> written = new CopyOnWriteArrayList<>();
        AtomicBoolean flowing = new AtomicBoolean(true);
        Thread writer = new Thread(() -> {
            int i = 0;
            while (flowing.get()) {
                String client = "client-" + ThreadLocalRandom.current().nextInt(40);
                written.add(new String[] {client,
                        current.get().sealer.write(EventType.MOOD_LOGGED, tenant, mood(client, i++ % 11, "calm"))});
            }
        });
        writer.start();
        await().until(() -> written.size() >= 300);

        // Rotation: the service restarts with v2 first; v1 is still listed, so nothing stops opening.
        Producing rotated = producing(V2 + "," + V1);
        current.set(rotated);
        assertThat(rotated.rotation.rewrapOlderKeys()).as("keys re-wrapped under v2").isPositive();
        await().until(() -> written.size() >= 600);
        flowing.set(false);
        writer.join();
        rotated.rotation.rewrapOlderKeys();
        assertThat(rotated.store.countUnderOlderVersions()).as("no key left under v1").isZero();

        // Every event, whenever it was sealed, opens for a consumer that knows both versions ...
        InboundEventReader both = reader(consumerWithBoth);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(written)
                .allSatisfy(event -> assertThat(read(both, event[0], event[1])).isInstanceOf(InboundEventReader.Accepted.class)));
        // ... and, once v1 is removed, for one that knows only v2 and reads the key topic from the start.
        InboundEventReader v2Only = reader(replica(V2, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(written)
                .allSatisfy(event -> assertThat(read(v2Only, event[0], event[1])).isInstanceOf(InboundEventReader.Accepted.class)));
    }

    // ---- the parts, as a service wires them -------------------------------------------------------------------

    record Producing(DataKeyStore store, EventSealer sealer, DataKeyRotation rotation) {
    }

    Producing producing(String masterKeys) {
        createKeyTopics();
        DataKeyStore store = new DataKeyStore(keyStore, MasterKeys.parse(masterKeys), DIGEST, Clock.systemUTC());
        DataKeyPublisher publisher = new DataKeyPublisher(store, producer(), topics.keysOf(Topic.HOMEWORK),
                "homework-service", json, new SimpleMeterRegistry());
        publisher.startInBackground(Duration.ofMillis(200));
        running.add(publisher::stop);
        return new Producing(store, new EventSealer(json, store), new DataKeyRotation(store, publisher,
                new SimpleMeterRegistry()));
    }

    DataKeyReplica replica(String masterKeys, boolean start) {
        createKeyTopics();
        DataKeyReplica replica = new DataKeyReplica(() -> new KafkaConsumer<>(consumerConfig()), topics,
                MasterKeys.parse(masterKeys), DIGEST, json, new SimpleMeterRegistry());
        if (start) {
            replica.startInBackground();
            running.add(replica::stop);
        }
        return replica;
    }

    InboundEventReader reader(DataKeyReplica replica) {
        return new InboundEventReader(json, new EventSchemas(), topics, new EventOpener(json, replica));
    }

    InboundEventReader.Outcome read(InboundEventReader reader, String client, String wire) {
        Map<String, Object> headers = new HashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        headers.put(CloudEventHeaders.ID, UUID.randomUUID().toString());
        headers.put(CloudEventHeaders.TYPE, EventType.MOOD_LOGGED.type());
        headers.put(CloudEventHeaders.SOURCE, "homework-service");
        headers.put(CloudEventHeaders.SUBJECT, client);
        headers.put(CloudEventHeaders.TENANT, tenant);
        headers.put(CloudEventHeaders.TIME, Instant.now().toString());
        return reader.read(topics.of(Topic.HOMEWORK), 0, 0, client, headers, wire.getBytes(UTF_8));
    }

    String keyIdOf(String wire) {
        return json.readTree(wire).get(SealedFields.SEALED).get(SealedFields.KEY_ID).asString();
    }

    static MoodLogged mood(String client, int mood, String emotion) {
        return new MoodLogged(UUID.randomUUID().toString(), client, mood, 4, null, 6.5, List.of(emotion), null,
                Instant.now(), LocalDateTime.now(), "Europe/London");
    }

    private void createKeyTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            List<String> existing = new ArrayList<>(admin.listTopics().names().get());
            List<NewTopic> wanted = new ArrayList<>();
            for (Topic topic : Topic.values()) {
                if (!existing.contains(topics.keysOf(topic))) {
                    wanted.add(new NewTopic(topics.keysOf(topic), 3, (short) 1).configs(Map.of("cleanup.policy", "compact")));
                }
            }
            if (!wanted.isEmpty()) {
                admin.createTopics(wanted).all().get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        }
        return producer;
    }

    private Map<String, Object> consumerConfig() {
        return Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    }

    private static byte[] bytes(int seed) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) seed);
        return key;
    }
}
