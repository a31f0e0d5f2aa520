package app.steady.testing;

import static org.awaitility.Awaitility.await;

import app.steady.events.EventType;
import app.steady.events.goals.ClientAssigned;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import java.time.Duration;
import java.time.Instant;

/** Puts a client on a therapist's caseload the way goals-service does (an event) and waits until the service knows. */
public final class TestCaseload {

    private TestCaseload() {
    }

    public static void assign(TopicNames topics, EventJson json, CaseloadDirectory caseload, String tenant,
                              String client, String therapist) {
        KafkaTestClient.shared().send(topics.of(EventType.CLIENT_ASSIGNED.topic()), client,
                TestEvents.headers(EventType.CLIENT_ASSIGNED, tenant, client),
                json.write(new ClientAssigned(client, therapist, Instant.now())));
        await().atMost(Duration.ofSeconds(30)).until(() -> caseload.therapistOf(tenant, client).isPresent());
    }
}
