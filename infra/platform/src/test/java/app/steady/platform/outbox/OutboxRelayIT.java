package app.steady.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.Topic;
import app.steady.events.goals.ClientAssigned;
import app.steady.platform.events.EventJson;
import app.steady.platform.keys.EventSealer;
import app.steady.platform.events.TopicNames;
import app.steady.platform.observability.TraceContext;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The relay's guarantees on a real KRaft broker and a real MongoDB-wire server, round by round: a round is one Kafka
 * transaction (a failure part-way leaves nothing visible to consumers and the next round sends it all, in order);
 * at most {@code max-events-per-subject} events of one client leave per round; documents waiting longest go first;
 * a second relay with the service's transactional id fences the first.
 */
class OutboxRelayIT {

    static final String SERVICE = "goals-service";
    static EmbeddedKafkaKraftBroker kafka;
    static MongoServer mongoServer;
    static MongoClient mongoClient;

    final String prefix = "relay" + UUID.randomUUID().toString().substring(0, 8) + ".";
    final TopicNames topics = new TopicNames(prefix);
    final String topic = topics.of(Topic.GOALS);
    final SteppingClock clock = new SteppingClock();
    final MongoTemplate mongo = new MongoTemplate(mongoClient, "relay-" + UUID.randomUUID());
    final OutboxCollections collections = new OutboxCollections(mongo, List.of(Note.class));
    final PendingWork pendingWork = new PendingWork(mongo);
    final AggregateStore store = new AggregateStore(mongo, recorder(), new OutboxSignal(), pendingWork);
    final String tenant = "tenant-" + UUID.randomUUID();

    @BeforeAll
    static void startBrokerAndStore() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperty("transaction.state.log.replication.factor", "1");
        kafka.brokerProperty("transaction.state.log.min.isr", "1");
        kafka.brokerProperty("transaction.state.log.num.partitions", "3");
        kafka.afterPropertiesSet();
        mongoServer = new MongoServer(new MemoryBackend());
        InetSocketAddress address = mongoServer.bind();
        mongoClient = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString("mongodb://127.0.0.1:" + address.getPort()))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        commands.add(event.getCommand().clone().append("$db", new org.bson.BsonString(event.getDatabaseName())));
                    }
                }).build());
    }

    /** Every command the store received, for the test that checks which of them would read a whole collection. */
    static final List<org.bson.BsonDocument> commands = new java.util.concurrent.CopyOnWriteArrayList<>();

    @AfterAll
    static void stopBrokerAndStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
        kafka.destroy();
    }

    @Test
    void aRoundTakesAtMostTheCapOfOneClientsEventsAndTheRestFollowInLaterRoundsInOrder() {
        createTopic();
        for (int i = 1; i <= 10; i++) {
            write("client-a", "a" + i);
        }
        write("client-b", "b1");
        write("client-b", "b2");
        OutboxRelay relay = relay(4, 500, this::transactionalProducer);

        assertThat(relay.relayOnce()).as("first round: 4 of client-a's 10 events, both of client-b's").isEqualTo(6);
        assertThat(relay.relayOnce()).isEqualTo(4);
        assertThat(relay.relayOnce()).isEqualTo(2);
        assertThat(relay.relayOnce()).as("nothing left").isZero();

        assertThat(committed(12)).as("each client's events exactly once, in the order written")
                .filteredOn(marker -> marker.startsWith("a"))
                .containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10");
        assertThat(committed(12)).filteredOn(marker -> marker.startsWith("b")).containsExactly("b1", "b2");
        assertThat(mongo.getCollection("relay_notes").countDocuments(new org.bson.Document(OutboxFields.PENDING, true)))
                .as("documents still flagged pending").isZero();
    }

    @Test
    void theDocumentsWaitingLongestAreTakenFirst() {
        createTopic();
        // Stored in one order, waiting since times in another: a round of two must take the two oldest.
        clock.at(Instant.parse("2026-01-01T10:00:00Z"));
        write("client-new", "newest");
        clock.at(Instant.parse("2026-01-01T08:00:00Z"));
        write("client-old", "oldest");
        clock.at(Instant.parse("2026-01-01T09:00:00Z"));
        write("client-mid", "middle");

        assertThat(relay(16, 2, this::transactionalProducer).relayOnce()).isEqualTo(2);

        assertThat(committed(2)).as("not the newest, which waits for the next round").containsExactlyInAnyOrder("oldest", "middle");
    }

    @Test
    void aRoundThatKafkaFailsPartWayLeavesNothingVisibleAndIsSentWholeAndInOrderByTheNext() {
        createTopic();
        for (int i = 1; i <= 5; i++) {
            write("client-a", "a" + i);
        }
        AtomicInteger sends = new AtomicInteger();
        OutboxRelay relay = relay(16, 500, () -> failingOnThirdSendOfFirstProducer(sends));

        assertThatThrownBy(relay::relayOnce).as("the round fails at its third event").isInstanceOf(IllegalStateException.class);
        assertThat(uncommitted()).as("the broker took the first two events of the round (then it was aborted)")
                .containsExactly("a1", "a2");
        assertThat(committed(0)).as("what consumers see after the failed round").isEmpty();

        assertThat(relay.relayOnce()).isEqualTo(5);
        assertThat(committed(5)).as("the next round, whole and in order, each event once").containsExactly("a1", "a2", "a3", "a4", "a5");
    }

    @Test
    void aSecondRelayWithTheServicesTransactionalIdFencesTheFirst() {
        createTopic();
        write("client-a", "a1");
        OutboxRelay first = relay(16, 500, this::transactionalProducer);
        OutboxRelay second = relay(16, 500, this::transactionalProducer);
        assertThat(first.relayOnce()).isEqualTo(1);

        write("client-a", "a2");
        assertThat(second.relayOnce()).as("the instance that took over publishes").isEqualTo(1);
        write("client-a", "a3");
        assertThatThrownBy(first::relayOnce).as("the instance that lost its lease but still runs")
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Another relay instance");

        assertThat(second.relayOnce()).isEqualTo(1);
        assertThat(committed(3)).containsExactly("a1", "a2", "a3");
    }

    /**
     * Issue 17: on the embedded store the relay found its work by reading every document of every aggregate
     * collection for the pending flag, and every version-checked write read the whole collection too. Now the relay
     * reads its small work list and each document by id, and the embedded profile's unique (_id, version) index
     * serves the version-checked writes: nothing the relay or the aggregate store sends to an aggregate collection
     * would read all of it.
     */
    @Test
    void neitherTheRelayNorVersionCheckedWritesReadAWholeAggregateCollectionOnTheEmbeddedStore() {
        createTopic();
        assertThat(app.steady.platform.store.StoreKind.of(mongo))
                .isEqualTo(app.steady.platform.store.StoreKind.EMBEDDED_WIRE_SERVER);
        app.steady.platform.store.EmbeddedStoreIndexes.declareIfEmbedded(mongo,
                app.steady.platform.store.StoreKind.of(mongo), List.of());
        OutboxRelay relay = relay(16, 500, this::transactionalProducer);
        Note note = store.insert(new Note(UUID.randomUUID().toString(), "client-a"), tenant,
                List.of(new ClientAssigned("client-a", "first", clock.instant())));
        write("client-b", "second");
        relay.recoverWorkList();

        commands.clear();
        store.update(note, tenant, List.of(new ClientAssigned("client-a", "third", clock.instant())));
        write("client-c", "fourth");
        assertThat(relay.relayOnce()).isEqualTo(4);
        assertThat(relay.relayOnce()).isZero();

        assertThat(committed(4)).containsExactlyInAnyOrder("first", "second", "third", "fourth");
        List<String> scans = app.steady.platform.store.StoreCommands.filtersOn(commands, mongo.getDb().getName(),
                "relay_notes").stream()
                .filter(filter -> !app.steady.platform.store.EmbeddedIndexUse.usesAnIndex(filter,
                        app.steady.platform.store.StoreCommands.uniqueIndexKeys(mongo, "relay_notes")))
                .map(org.bson.BsonDocument::toJson).toList();
        assertThat(scans).as("filters on the aggregate collection that the embedded store would answer by reading all "
                + "of it").isEmpty();
        assertThat(mongo.getCollection(PendingWork.COLLECTION).countDocuments()).as("work left").isZero();
        assertThat(mongo.getCollection("relay_notes").countDocuments(new org.bson.Document(OutboxFields.PENDING, true)))
                .as("documents still flagged pending").isZero();
    }

    @Test
    void aDocumentLeftOffTheWorkListIsFoundAgainAndPublished() {
        createTopic();
        OutboxRelay relay = relay(16, 500, this::transactionalProducer);
        write("client-a", "lost-entry");
        mongo.getCollection(PendingWork.COLLECTION).deleteMany(new org.bson.Document());   // died between the writes
        assertThat(relay.relayOnce()).as("not on the list: not seen").isZero();

        relay.recoverWorkList();

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(committed(1)).containsExactly("lost-entry");
    }

    /**
     * A write that changes a document but appends no event (it bumps the version) can land between a round's read
     * and its clear. The clear names the version read, so it misses, and the relay used to drop the document from its
     * work list anyway: the pending flag stayed set on an empty outbox for good, and the backlog never went quiet
     * (seen as a flaky "documents with outbox events pending" in the fault-injection suite).
     */
    @Test
    void aWriteWithoutEventsBetweenARoundsReadAndItsClearLeavesNoDocumentFlaggedPending() {
        createTopic();
        Note note = store.insert(new Note(UUID.randomUUID().toString(), "client-a"), tenant,
                List.of(new ClientAssigned("client-a", "raced", clock.instant())));
        Note[] current = {note};
        OutboxRelay relay = relay(16, 500, () -> writingWithoutEventsOnCommit(current));

        assertThat(relay.relayOnce()).isEqualTo(1);
        assertThat(current[0].version).as("the racing write happened: version 0 read, 1 stored").isEqualTo(1L);
        relay.relayOnce();

        assertThat(committed(1)).containsExactly("raced");
        assertThat(mongo.getCollection("relay_notes").countDocuments(new org.bson.Document(OutboxFields.PENDING, true)))
                .as("documents still flagged pending after the next round").isZero();
        assertThat(mongo.getCollection(PendingWork.COLLECTION).countDocuments()).as("work left").isZero();
    }

    /** A flag left set on an empty outbox (by the defect above, on a store written before the fix) is cleared. */
    @Test
    void aDocumentFlaggedPendingWithNothingInItsOutboxIsClearedOnceFound() {
        createTopic();
        Note note = store.insert(new Note(UUID.randomUUID().toString(), "client-a"), tenant, List.of());
        mongo.getCollection("relay_notes").updateOne(new org.bson.Document("_id", note.id),
                new org.bson.Document("$set", new org.bson.Document(OutboxFields.PENDING, true)));
        OutboxRelay relay = relay(16, 500, this::transactionalProducer);

        relay.recoverWorkList();
        assertThat(relay.relayOnce()).as("nothing to send").isZero();

        assertThat(mongo.getCollection("relay_notes").countDocuments(new org.bson.Document(OutboxFields.PENDING, true)))
                .as("documents still flagged pending").isZero();
        assertThat(mongo.getCollection(PendingWork.COLLECTION).countDocuments()).as("work left").isZero();
    }

    /**
     * The store failed right after taking an aggregate write, before the work-list entry was written (seen in the
     * fault-injection suite as a mood held but never published while the MongoDB-wire server restarted). The write
     * is stored with its events, so it is acknowledged, and the relay must not wait for the 10-minute recovery scan.
     */
    @Test
    void aWriteWhoseWorkListEntryTheStoreFailedToTakeIsPublishedWithoutWaitingForRecovery() {
        createTopic();
        FailingOnce failing = new FailingOnce();
        PendingWork workList = new PendingWork(mongo) {
            @Override
            public void mark(String collection, Object documentId, java.util.Date oldest, int events) {
                failing.maybeFail("the work-list entry");
                super.mark(collection, documentId, oldest, events);
            }
        };
        AggregateStore failingStore = new AggregateStore(mongo, recorder(), new OutboxSignal(), workList);
        OutboxRelay relay = runningPastItsStartScan(workList);
        try {
            failing.arm();

            failingStore.insert(new Note(UUID.randomUUID().toString(), "client-a"), tenant,
                    List.of(new ClientAssigned("client-a", "entry-lost", clock.instant())));

            assertThat(committed(2)).containsExactly("before", "entry-lost");
        } finally {
            relay.stop();
        }
    }

    /**
     * The store took an aggregate write but its answer was lost (it went away before replying): the writer sees a
     * failure and cannot tell. If the write was stored, its events must still leave without waiting for recovery.
     */
    @Test
    void aWriteTheStoreTookWithoutAnsweringIsPublishedWithoutWaitingForRecovery() {
        createTopic();
        FailingOnce failing = new FailingOnce();
        MongoTemplate answerLost = new MongoTemplate(mongoClient, mongo.getDb().getName()) {
            @Override
            public <T> T execute(String collectionName, org.springframework.data.mongodb.core.CollectionCallback<T> action) {
                T result = super.execute(collectionName, action);
                failing.maybeFail("the answer to the aggregate write");
                return result;
            }
        };
        AggregateStore failingStore = new AggregateStore(answerLost, recorder(), new OutboxSignal(), pendingWork);
        OutboxRelay relay = runningPastItsStartScan(pendingWork);
        try {
            failing.arm();

            assertThatThrownBy(() -> failingStore.insert(new Note(UUID.randomUUID().toString(), "client-a"), tenant,
                    List.of(new ClientAssigned("client-a", "answer-lost", clock.instant()))))
                    .as("the writer cannot know the write was stored").isInstanceOf(DataAccessResourceFailureException.class);

            assertThat(committed(2)).containsExactly("before", "answer-lost");
        } finally {
            relay.stop();
        }
    }

    /** A relay running on its own thread, past the scan it does at start: only its loop can find what comes next. */
    private OutboxRelay runningPastItsStartScan(PendingWork workList) {
        OutboxRelay relay = relay(16, 500, this::transactionalProducer, workList);
        relay.start();
        try {
            write("client-a", "before");
            assertThat(committed(1)).as("the relay runs").containsExactly("before");
            return relay;
        } catch (RuntimeException | AssertionError notRunning) {
            relay.stop();
            throw notRunning;
        }
    }

    /** Fails the first call after {@link #arm()}, as a store that goes away does. */
    static final class FailingOnce {
        private final java.util.concurrent.atomic.AtomicBoolean armed = new java.util.concurrent.atomic.AtomicBoolean();

        void arm() {
            armed.set(true);
        }

        void maybeFail(String what) {
            if (armed.compareAndSet(true, false)) {
                throw new DataAccessResourceFailureException("the store went away before " + what + " (injected)");
            }
        }
    }

    // ---- the pieces ----------------------------------------------------------------------------------------------

    private void write(String client, String marker) {
        // The therapist id carries a marker, so the test can tell the events apart in Kafka.
        store.insert(new Note(UUID.randomUUID().toString(), client), tenant,
                List.of(new ClientAssigned(client, marker, clock.instant())));
    }

    private EventRecorder recorder() {
        return new EventRecorder(EventSealer.withoutKeys(new EventJson()), topics,
                new TraceContext(new DefaultListableBeanFactory().getBeanProvider(Tracer.class)), clock);
    }

    private OutboxRelay relay(int maxEventsPerSubject, int batchSize, Supplier<Producer<String, byte[]>> producers) {
        return relay(maxEventsPerSubject, batchSize, producers, pendingWork);
    }

    private OutboxRelay relay(int maxEventsPerSubject, int batchSize, Supplier<Producer<String, byte[]>> producers,
                              PendingWork workList) {
        OutboxProperties properties = new OutboxProperties(true, batchSize, Duration.ofMillis(100), Duration.ofMillis(100),
                Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(10), maxEventsPerSubject,
                Duration.ofMinutes(10));
        return new OutboxRelay(mongo, producers, collections, workList, new OutboxSignal(), properties, SERVICE,
                "instance-" + UUID.randomUUID(), new SimpleMeterRegistry(), clock);
    }

    private Producer<String, byte[]> transactionalProducer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, topics.deploymentScoped("steady-outbox-" + SERVICE),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    /** A producer that, as it commits, lets another write change the document without appending an event. */
    @SuppressWarnings("unchecked")
    private Producer<String, byte[]> writingWithoutEventsOnCommit(Note[] current) {
        Producer<String, byte[]> real = transactionalProducer();
        return (Producer<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("commitTransaction") && current[0].version == 0L) {
                        current[0] = store.update(current[0], tenant, List.of());
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The first producer made fails its third send, as one does when the broker goes away mid-round. */
    @SuppressWarnings("unchecked")
    private Producer<String, byte[]> failingOnThirdSendOfFirstProducer(AtomicInteger sends) {
        Producer<String, byte[]> real = transactionalProducer();
        boolean faulty = sends.get() == 0;
        return (Producer<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Producer.class}, (proxy, method, arguments) -> {
                    if (faulty && method.getName().equals("send") && sends.incrementAndGet() == 3) {
                        real.flush();   // the first two are on the broker, inside the open transaction
                        throw new KafkaException("broker went away (injected)");
                    }
                    try {
                        return method.invoke(real, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void createTopic() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not create " + topic, e);
        }
    }

    /** The markers of this test's events that consumers reading committed records see, once {@code expected} arrived. */
    private List<String> committed(int expected) {
        List<String> markers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            markers.clear();
            markers.addAll(read("read_committed"));
            return markers.size() >= expected;
        });
        return markers;
    }

    private List<String> uncommitted() {
        return read("read_uncommitted");
    }

    /** Reads the whole topic once, in offset order per partition (one client's events share a partition). */
    private List<String> read(String isolation) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            List<String> markers = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (tenant.equals(header(record, CloudEventHeaders.TENANT))) {
                        markers.add(new String(record.value(), StandardCharsets.UTF_8)
                                .replaceAll(".*\"therapistId\":\"([^\"]+)\".*", "$1"));
                    }
                }
                if (!consumer.assignment().isEmpty() && consumer.assignment().stream()
                        .allMatch(partition -> consumer.position(partition) >= consumer.endOffsets(List.of(partition))
                                .get(partition))) {
                    break;
                }
            }
            return markers;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** An aggregate that publishes events, as a service's would be. */
    @Document("relay_notes")
    @PublishesEvents
    public static class Note {
        @Id
        public String id;
        @Version
        public Long version;
        public String clientId;

        public Note() {
        }

        Note(String id, String clientId) {
            this.id = id;
            this.clientId = clientId;
        }
    }

    /** A clock the test sets; each reading is a millisecond after the last, so events written in turn are ordered. */
    static final class SteppingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T12:00:00Z");

        void at(Instant instant) {
            now = instant;
        }

        @Override
        public synchronized Instant instant() {
            now = now.plusMillis(1);
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
