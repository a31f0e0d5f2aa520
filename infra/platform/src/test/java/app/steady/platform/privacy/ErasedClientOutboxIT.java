package app.steady.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.events.privacy.ClientRecordAccessed;
import app.steady.platform.audit.AuditEntry;
import app.steady.platform.audit.AuditTrail;
import app.steady.platform.events.EventJson;
import app.steady.platform.keys.EventSealer;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.observability.TraceContext;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.outbox.EventRecorder;
import app.steady.platform.outbox.OutboxCollections;
import app.steady.platform.outbox.OutboxFields;
import app.steady.platform.outbox.OutboxSignal;
import app.steady.platform.outbox.PendingWork;
import app.steady.platform.outbox.PublishesEvents;
import app.steady.platform.store.KeyedReads;
import app.steady.platform.store.StoreKind;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * After erasure no outbox document and no audit record of the service carries the plain client id (issue 15, defect
 * 5), on a real MongoDB-wire server. No relay runs, as while Kafka is unreachable: every event written stays pending.
 * The erasure is what the platform's erasure path does: {@link AuditTrail#pseudonymise} and
 * {@link ErasedClientOutbox#forget}.
 */
class ErasedClientOutboxIT {

    static MongoServer mongoServer;
    static MongoClient mongoClient;

    final Clock clock = Clock.systemUTC();
    final EventJson json = new EventJson();
    final SubjectDigest digest = SubjectDigest.withBase64Key(SubjectDigestTest.KEY);
    final MongoTemplate mongo = new MongoTemplate(mongoClient, "erased-outbox-" + UUID.randomUUID());
    final OutboxCollections collections = new OutboxCollections(mongo,
            List.of(AuditEntry.class, ErasedClients.storedType(), Note.class));
    final AggregateStore store = new AggregateStore(mongo, new EventRecorder(EventSealer.withoutKeys(json), new TopicNames(""),
            new TraceContext(new DefaultListableBeanFactory().getBeanProvider(Tracer.class)), clock), new OutboxSignal(),
            new PendingWork(mongo));
    final AuditTrail auditTrail = new AuditTrail(mongo, Duration.ofDays(2192), clock, digest);
    final ErasedClients erasedClients = new ErasedClients(mongo, store, digest, new KeyedReads(StoreKind.of(mongo)));
    final ErasedClientOutbox outbox = new ErasedClientOutbox(mongo, collections, digest, json);
    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String otherClient = "client-" + UUID.randomUUID();

    @BeforeAll
    static void startStore() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.bind().getPort());
    }

    @AfterAll
    static void stopStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @Test
    void afterErasureNoOutboxDocumentCarriesThePlainClientId() {
        String audited = recordAccess(client);
        recordAccess(otherClient);
        Note note = store.insert(new Note(UUID.randomUUID().toString()), tenant,
                List.of(new ClientAssigned(client, "therapist-1", Instant.now())));
        assertThat(everyOutboxDocument()).as("before erasure").anyMatch(document -> document.toJson().contains(client));

        auditTrail.pseudonymise(tenant, client);
        ErasedClientOutbox.Forgotten forgotten = outbox.forget(tenant, client);

        assertThat(everyOutboxDocument()).as("documents of the outbox collections, pending events included")
                .isNotEmpty().noneMatch(document -> document.toJson().contains(client));
        assertThat(forgotten).isEqualTo(new ErasedClientOutbox.Forgotten(1, 1));

        Document auditEvent = pendingEvents("audit_log", audited).get(0);
        assertThat(auditEvent.getString("subject")).as("the audit event's subject (its Kafka key)")
                .isEqualTo(digest.of(tenant, client));
        ClientRecordAccessed accessed = json.read(json.readTree(auditEvent.getString("data")), ClientRecordAccessed.class);
        assertThat(accessed.clientId()).isEqualTo(digest.of(tenant, client));
        assertThat(accessed.auditId()).isEqualTo(audited);
        assertThat(new EventSchemas().violations(EventType.GOALS_CLIENT_RECORD_ACCESSED,
                json.readTree(auditEvent.getString("data")))).as("still a valid event").isEmpty();

        assertThat(pendingEvents("erasure_test_notes", note.id)).as("the client's other event is gone").isEmpty();
        assertThat(mongo.getCollection("erasure_test_notes").find(new Document("_id", note.id)).first())
                .as("no longer waiting for the relay").doesNotContainKey(OutboxFields.PENDING);
        assertThat(everyOutboxDocument()).as("the other client's audit event is untouched")
                .anyMatch(document -> document.toJson().contains(otherClient));
        assertThat(auditTrail.of(tenant, client, null, null, 0, 10)).as("the pseudonymised entry, found by the id")
                .extracting(AuditEntry::id).containsExactly(audited);
        assertThat(outbox.forget(tenant, client)).as("a second erasure finds nothing")
                .isEqualTo(new ErasedClientOutbox.Forgotten(0, 0));
    }

    @Test
    void eventsAboutTheErasureItselfStayPending() {
        Note request = store.insert(new Note(UUID.randomUUID().toString()), tenant,
                List.of(new ClientErasureRequested(UUID.randomUUID().toString(), client, "ADMIN", Instant.now())));

        outbox.forget(tenant, client);

        assertThat(pendingEvents("erasure_test_notes", request.id)).as("the erasure must still reach every service")
                .singleElement().satisfies(event -> assertThat(event.getString("subject")).isEqualTo(client));
    }

    @Test
    void recordsWrittenBeforeDigestsWereKeyedAreStillRecognised() {
        mongo.getCollection("erased_clients").insertOne(new Document("_id", SubjectDigest.unkeyed(tenant, client))
                .append("erasureId", "erasure-before-keys"));
        mongo.getCollection("audit_log").insertOne(new Document("_id", UUID.randomUUID().toString())
                .append("tenantId", tenant).append("clientId", SubjectDigest.unkeyed(tenant, client))
                .append("actorId", "therapist-1").append("actorRole", "THERAPIST")
                .append("action", "GET /clients/{clientId}/goals").append("at", Instant.now())
                .append("remoteAddress", "10.0.0.1").append("status", 200).append("outcome", "ALLOWED"));

        assertThat(erasedClients.isErased(tenant, client)).as("an old tombstone keeps its client erased").isTrue();
        assertThat(erasedClients.erasedAmong(digest.storedForms(tenant, client))).isNotEmpty();
        assertThat(erasedClients.isErased(tenant, otherClient)).isFalse();
        assertThat(auditTrail.of(tenant, client, null, null, 0, 10)).as("entries pseudonymised before keys").hasSize(1);
    }

    private String recordAccess(String clientId) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID().toString(), tenant, "therapist-1", "THERAPIST", clientId,
                "GET /clients/{clientId}/goals", Instant.now(), "10.0.0.1", 200, "ALLOWED", null);
        store.insert(entry, tenant, List.of(new ClientRecordAccessed(entry.id(), clientId, "goals-service",
                entry.actorId(), entry.actorRole(), entry.action(), 200, "ALLOWED", "10.0.0.1", entry.at())));
        return entry.id();
    }

    private List<Document> everyOutboxDocument() {
        List<Document> documents = new ArrayList<>();
        for (String collection : collections.names()) {
            mongo.getCollection(collection).find().into(documents);
        }
        return documents;
    }

    private List<Document> pendingEvents(String collection, String id) {
        Document document = mongo.getCollection(collection).find(new Document("_id", id)).first();
        return document.getList(OutboxFields.EVENTS, Document.class, List.of());
    }

    @org.springframework.data.mongodb.core.mapping.Document("erasure_test_notes")
    @PublishesEvents
    public static class Note {
        @Id
        public String id;
        @Version
        public Long version;

        public Note() {
        }

        Note(String id) {
            this.id = id;
        }
    }
}
