package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client reassigned while Kafka is down (issue 16): goals-service, which owns the caseload, applies it at once; the
 * other services cannot learn of it, but once their copy of the caseload is older than the bound (20 s here, 60 s by
 * default) they refuse therapist reads with 503 instead of serving the former therapist from it. When Kafka is back,
 * the former therapist gets 404 everywhere and the new one sees everything. On a {@link FaultCluster} of its own, since
 * its broker is stopped.
 */
class CareTransferWithoutKafkaE2E {

    static final Duration BOUND = Duration.ofSeconds(20);
    /** A heartbeat interval, a relay poll and a consumer poll on top of the bound. */
    static final Duration SLACK = Duration.ofSeconds(10);

    static FaultCluster cluster;
    final String formerTherapist = "therapist-" + UUID.randomUUID();
    final String newTherapist = "therapist-" + UUID.randomUUID();

    @BeforeAll
    static void start() {
        cluster = new FaultCluster();
        cluster.startInfrastructure();
        String gate = "--steady.caseload.max-staleness=PT" + BOUND.toSeconds() + "S";
        cluster.add("goals-service", "goals-service", "--steady.goals.caseload.heartbeat-every=2s");
        for (String service : List.of("homework-service", "reminders-service", "analytics-service")) {
            cluster.add(service, service, gate);
        }
        FaultCluster.startTogether(List.copyOf(cluster.nodes.values()));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void reassignedWhileKafkaIsDownTheFormerTherapistIsRefusedWithinTheBoundAndLosesAccessOnceItIsBack() {
        ClientInCare care = new ClientInCare("care-" + UUID.randomUUID().toString().substring(0, 8),
                service -> cluster.node(service).url("")).withDataIn4Services(formerTherapist);

        cluster.broker.stop();
        Instant reassigned = Instant.now();
        care.assign(newTherapist);

        assertThat(care.whatTheTherapistSees(formerTherapist)).as("goals-service, the caseload's owner, at once")
                .allSatisfy((read, answer) -> {
                    if (read.service().equals("goals-service")) {
                        assertThat(answer).startsWith("404");
                    }
                });
        await("no service serves the former therapist once its caseload copy is older than the bound")
                .atMost(BOUND.plus(SLACK)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                        assertThat(care.whatTheTherapistSees(formerTherapist)).as("reads of the former therapist")
                                .allSatisfy((read, answer) -> assertThat(answer).doesNotContain(read.shows())
                                        .matches(a -> a.startsWith("404") || a.startsWith("503")
                                                && a.contains("CASELOAD_STALE"), "404, or 503 CASELOAD_STALE")));
        Duration refusedAfter = Duration.between(reassigned, Instant.now());
        assertThat(care.listsOf(formerTherapist)).as("the former therapist's lists").doesNotContainValue(true);

        cluster.broker.start();
        await("the reassignment reaches every service").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    assertThat(care.whatTheTherapistSees(formerTherapist)).as("reads of the former therapist")
                            .allSatisfy((read, answer) -> assertThat(answer).startsWith("404"));
                    assertThat(care.whatTheTherapistSees(newTherapist)).as("reads of the new therapist")
                            .allSatisfy((read, answer) -> assertThat(answer).startsWith("200").contains(read.shows()));
                    assertThat(care.listsOf(formerTherapist)).as("the former therapist's lists").doesNotContainValue(true);
                    assertThat(care.listsOf(newTherapist)).as("the new therapist's lists").doesNotContainValue(false);
                });
        System.out.printf("Reassigned with Kafka down: the former therapist was refused everywhere %d s after the "
                + "reassignment (bound %d s)%n", refusedAfter.toSeconds(), BOUND.toSeconds());
    }
}
