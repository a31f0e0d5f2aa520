package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.privacy.ClientDataExported;
import app.steady.events.privacy.ClientErased;
import app.steady.events.privacy.ClientErasureRequested;
import app.steady.events.privacy.ClientExportRequested;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.events.EventJson;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SteadyTestInfrastructure;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Access that ends with care, and events that cannot be forged (issue 16), across the four services as processes on
 * the {@link SharedStack}:
 * <ul>
 * <li>a client with data in every service is reassigned: within the staleness bound the former therapist gets 404
 * from every read about the client and no list names them, while the new therapist sees all of it;</li>
 * <li>a forged event of each kind that crosses services — an assignment, an erasure request and an export request
 * under another tenant, export parts and erasure acknowledgements that do not match goals-service's request — is
 * dead-lettered with its reason and changes nothing.</li>
 * </ul>
 * The same reassignment with Kafka stopped is {@link CareTransferWithoutKafkaE2E}.
 */
@Order(SharedStack.SUITE_ORDER)
class CareTransferE2E {

    /** {@code steady.caseload.max-staleness}: how long a service may act on a caseload it cannot confirm. */
    static final Duration BOUND = Duration.ofSeconds(60);
    static final List<String> CONSUMERS = List.of("homework-service", "reminders-service", "analytics-service");

    static SharedStack stack;
    static final EventJson json = new EventJson();
    final String tenant = "care-" + UUID.randomUUID().toString().substring(0, 8);
    final String formerTherapist = "therapist-" + UUID.randomUUID();
    final String newTherapist = "therapist-" + UUID.randomUUID();

    @BeforeAll
    static void stack() {
        stack = SharedStack.get();
    }

    @Test
    void aReassignedClientIsSeenByTheNewTherapistOnlyInEveryService() {
        ClientInCare care = new ClientInCare(tenant, service -> stack.url(service, "")).withDataIn4Services(formerTherapist);
        assertThat(care.listsOf(formerTherapist)).as("the former therapist's lists before").doesNotContainValue(false);

        care.assign(newTherapist);

        await("the former therapist loses sight within the bound").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(care.whatTheTherapistSees(formerTherapist)).as("reads of the former therapist")
                            .allSatisfy((read, answer) -> assertThat(answer).startsWith("404")
                                    .doesNotContain(read.shows()));
                    assertThat(care.listsOf(formerTherapist)).as("the former therapist's lists").doesNotContainValue(true);
                });
        await("the new therapist sees everything").atMost(BOUND).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(care.whatTheTherapistSees(newTherapist)).as("reads of the new therapist")
                            .allSatisfy((read, answer) -> assertThat(answer).startsWith("200").contains(read.shows()));
                    assertThat(care.listsOf(newTherapist)).as("the new therapist's lists").doesNotContainValue(false);
                });
    }

    @Test
    void aForgedEventOfEachKindIsDeadLetteredWithItsReasonAndChangesNothing() throws Exception {
        ClientInCare care = new ClientInCare(tenant, service -> stack.url(service, "")).withDataIn4Services(formerTherapist);
        String client = care.client;
        String intruderTenant = "intruder-" + UUID.randomUUID().toString().substring(0, 8);
        String forgedExport = "export-" + UUID.randomUUID();
        String forgedErasure = "erasure-" + UUID.randomUUID();
        String realExport = exportRequestedBy(care);
        String anotherClient = "client-" + UUID.randomUUID();

        // Requests, as if from goals-service, under a tenant that is not the client's.
        forge(intruderTenant, new ClientAssigned(client, "intruder-therapist", Instant.now()));
        forge(intruderTenant, new ClientErasureRequested(forgedErasure, client, "ADMIN", Instant.now()));
        forge(intruderTenant, new ClientExportRequested(forgedExport, client, intrudersPublicKey(), Instant.now()));
        // Answers to goals-service that its own requests do not match.
        forge(tenant, new ClientDataExported(realExport, anotherClient, "homework-service", "a2V5",
                "bm9uY2U=", "c2VjcmV0", Instant.now()));
        forge(tenant, new ClientErased(forgedErasure, client, "homework-service", 3, true, List.of(), Instant.now()));

        await("every forged event dead-lettered with its reason").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    List<KafkaHistory.Entry> deadLetters = deadLettersAbout(List.of(client, anotherClient));
                    for (String consumer : CONSUMERS) {
                        assertThat(reasonsIn(deadLetters, consumer)).as("dead-letter reasons of " + consumer).hasSize(3)
                                .allMatch(reason -> reason.contains("does not match the tenant of client " + client));
                    }
                    assertThat(reasonsIn(deadLetters, "goals-service")).as("dead-letter reasons of goals-service")
                            .anyMatch(reason -> reason.contains("part of export " + realExport
                                    + " names another tenant or client than the request"))
                            .anyMatch(reason -> reason.contains("no erasure " + forgedErasure + " was requested here"));
                });

        // Nothing changed: the intruder sees nothing, the client's data is all there, nothing was sent anywhere.
        String intruder = TestTokens.therapist(intruderTenant, "intruder-therapist");
        for (ClientInCare.Read read : care.reads()) {
            assertThat(care.call(read.service(), "GET", read.path(), intruder, null).status()).as(read.toString())
                    .isEqualTo(404);
        }
        assertThat(care.whatTheTherapistSees(formerTherapist)).as("the client's data, read by their therapist")
                .allSatisfy((read, answer) -> assertThat(answer).startsWith("200").contains(read.shows()));
        List<KafkaHistory.Entry> published = history().stream().filter(entry -> !entry.topic().endsWith(".dlt")).toList();
        assertThat(published).as("export parts answering the forged export request")
                .noneMatch(entry -> forgedExport.equals(field(entry, "client-data-exported.v1", "exportId")));
        assertThat(published).as("erasure acknowledgements of the forged erasure request: only the forged one")
                .filteredOn(entry -> forgedErasure.equals(field(entry, "client-erased.v1", "erasureId"))).hasSize(1);
    }

    /** The client asks for an export (a real request of goals-service, still waiting for its parts). */
    private static String exportRequestedBy(ClientInCare care) {
        Http.Response requested = care.call("goals-service", "POST", "/clients/" + care.client + "/exports",
                TestTokens.client(care.tenant, care.client), null);
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        return requested.location().substring(requested.location().lastIndexOf('/') + 1);
    }

    /** Puts the event on its type's topic with the headers its rightful producer would give it. */
    private void forge(String asTenant, EventData data) {
        EventType type = EventType.of(data);
        new KafkaTestClient(SteadyTestInfrastructure.get().kafkaBootstrapServers()).send(
                stack.prefix + type.topic().baseName(), data.subjectId(),
                TestEvents.headers(type, asTenant, data.subjectId()), json.write(data));
    }

    private static List<KafkaHistory.Entry> deadLettersAbout(List<String> subjects) {
        return history().stream().filter(entry -> entry.topic().endsWith(".dlt"))
                .filter(entry -> subjects.contains(entry.header(CloudEventHeaders.SUBJECT))).toList();
    }

    /** The reasons with which a consumer group dead-lettered events ({@code <topic>.<group>.dlt}). */
    private static List<String> reasonsIn(List<KafkaHistory.Entry> deadLetters, String group) {
        return deadLetters.stream().filter(entry -> entry.topic().endsWith("." + group + ".dlt"))
                .map(entry -> entry.header(DeadLetters.REASON)).toList();
    }

    /** A field of an event of a type ending so, or null for other records. */
    private static String field(KafkaHistory.Entry entry, String typeEnding, String name) {
        String type = entry.header(CloudEventHeaders.TYPE);
        if (entry.value() == null || type == null || !type.endsWith(typeEnding)) {
            return null;
        }
        return json.readTree(entry.value()).path(name).asString();
    }

    private static List<KafkaHistory.Entry> history() {
        return KafkaHistory.readAll(SteadyTestInfrastructure.get().kafkaBootstrapServers(), stack.prefix);
    }

    private static String intrudersPublicKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return Base64.getEncoder().encodeToString(generator.generateKeyPair().getPublic().getEncoded());
    }
}
