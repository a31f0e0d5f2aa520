package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The observability contract across the four services as real processes: every metric name that a Grafana dashboard
 * or an alert rule reads (infra/observability) is exposed at {@code /actuator/prometheus} by at least one service, once
 * the platform has been exercised the way production exercises it: API reads and writes, events consumed, an
 * invalid event dead-lettered, an event of an unknown type skipped, one with an unknown field tolerated, a risk
 * flag raised (and its clinician notification sent), a homework reminder dispatched and another cancelled. A selector
 * that names a service ({@code application="..."}) must find the metric in that service's own scrape.
 *
 * <p>A dashboard or alert reading a metric that no service exposes shows "No data" or never fires: this test is
 * what keeps the dashboards, the alerts and the code's meters in step. On the {@link SharedStack}: Steady's own meters
 * are checked in the scrapes it took right after start-up, before any suite used it.
 */
@Order(SharedStack.SUITE_ORDER)
class ObservabilityContractE2E {

    static SharedStack stack;
    /** steady.reminders.lead-time in reminders-service's application.yml. */
    static final Duration REMINDER_LEAD_TIME = Duration.ofMinutes(15);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    final TopicNames topics = new TopicNames(stack.prefix);
    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final String asClient = TestTokens.client(tenant, client);
    final String asTherapist = TestTokens.therapist(tenant, therapist);

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.get();
    }

    @Test
    void everyMetricTheDashboardsAndAlertsReadIsExposedByTheServices() throws IOException {
        Map<String, Set<String>> used = PromQl.metricsUsed();
        assertThat(used).as("metric names in dashboards and alerts").isNotEmpty();
        Map<String, String> expressions = PromQl.dashboardAndAlertExpressions();
        // The services and the gateway as they were before any suite used them (the shared stack scraped them then).
        Map<String, Set<String>> missingAtStartUp = missing(used, namesIn(stack.prometheusAtStartUp()));
        report("Metrics the dashboards and alerts read that no service exposes right after start-up (created lazily)",
                missingAtStartUp);
        // Steady's own counters exist at zero from start-up: increase() over a series that first appears at 1 misses
        // that first dead letter, flag or failed reminder. (Framework meters such as http_server_requests appear with
        // the first request; that is theirs to decide.)
        assertThat(missingAtStartUp.keySet()).as("Steady's meters the dashboards and alerts read, missing at start-up")
                .noneMatch(metric -> metric.startsWith("steady_"));

        exerciseThePlatform();

        await("every metric the dashboards and alerts read, in the union of the services' and the gateway's scrapes")
                .atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                    Map<String, Set<String>> scraped = scrapeAll();
                    assertThat(missing(used, scraped)).as("metric (where it is used) -> not exposed by any service")
                            .isEmpty();
                    assertThat(inTheWrongService(expressions, scraped))
                            .as("selectors naming a service whose own scrape lacks the metric").isEmpty();
                });
    }

    /** The traffic that makes every lazily created meter exist, as production traffic would. */
    private void exerciseThePlatform() {
        OnCall.setFor(stack.url("goals-service", ""), tenant);
        ok(send("goals-service", "PUT", "/caseload/clients/" + client, TestTokens.admin(tenant, "admin-1"),
                "{\"therapistId\":\"" + therapist + "\"}"));
        // Every service learns the caseload from goals-service's events before the client can use it.
        for (String service : List.of("homework-service", "reminders-service", "analytics-service")) {
            String path = Map.of("homework-service", "/clients/" + client + "/mood",
                    "reminders-service", "/clients/" + client + "/reminders",
                    "analytics-service", "/clients/" + client + "/summary").get(service);
            await(service + " knows the caseload").atMost(Duration.ofSeconds(60))
                    .until(() -> send(service, "GET", path, asTherapist, null).status() == 200);
        }
        ok(send("goals-service", "POST", "/clients/" + client + "/goals", asClient, "{\"title\":\"Walk every morning\"}"));
        ok(send("homework-service", "POST", "/clients/" + client + "/mood", asClient,
                "{\"mood\":6,\"note\":\"Slept well\",\"timeZone\":\"Europe/London\"}"));
        assertThat(send("homework-service", "GET", "/clients/" + client + "/mood", TestTokens.therapist(tenant,
                "not-their-therapist"), null).status()).as("someone else's client").isIn(403, 404);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String assignment = "hw-" + UUID.randomUUID();
        String soon = "o-" + UUID.randomUUID();
        String tomorrow = "o-" + UUID.randomUUID();
        // Due in lead time + 5 s: its reminder goes out in 5 s. The other occurrence is done early: its reminders are cancelled.
        publish(EventType.HOMEWORK_ASSIGNED, """
                {"assignmentId":"%s","clientId":"%s","therapistId":"%s","goalId":null,"kind":"RELAXATION",
                 "timeZone":"Europe/London","version":1,"occurrences":[%s,%s],"assignedAt":"%s"}"""
                .formatted(assignment, client, therapist, occurrence(soon, now.plus(REMINDER_LEAD_TIME).plusSeconds(5)),
                        occurrence(tomorrow, now.plus(Duration.ofDays(1))), now));
        publish(EventType.HOMEWORK_COMPLETED, """
                {"assignmentId":"%s","clientId":"%s","occurrenceId":"%s","kind":"RELAXATION","dueAt":"%s",
                 "completedAt":"%s","late":false,"helpfulness":4,"difficulty":2}"""
                .formatted(assignment, client, tomorrow, now.plus(Duration.ofDays(1)), now));
        // PHQ-9 item 9 answered: analytics raises a safety flag, reminders-service notifies the therapist at once.
        publish(EventType.ASSESSMENT_COMPLETED, """
                {"assessmentId":"as-%s","clientId":"%s","occurrenceId":null,"measure":"PHQ-9",
                 "itemScores":[2,2,2,1,2,1,2,1,1],"total":14,"band":"MODERATE","safetySignal":true,"completedAt":"%s"}"""
                .formatted(UUID.randomUUID(), client, now));
        // A newer producer's field: tolerated and counted.
        publish(EventType.MOOD_LOGGED, """
                {"entryId":"me-%s","clientId":"%s","mood":5,"anxiety":4,"energy":5,"sleepHours":7.0,"emotions":["calm"],
                 "occurrenceId":null,"loggedAt":"%s","loggedLocal":"%s","timeZone":"Europe/London","aFieldOfANewerVersion":true}"""
                .formatted(UUID.randomUUID(), client, now, local(now)));
        // A type this version does not know: skipped and counted.
        KafkaTestClient.shared().send(topics.of(Topic.HOMEWORK), client, TestEvents.headers(
                        "steady.homework.breathing-streak-reached.v1", "homework-service", tenant, client,
                        UUID.randomUUID().toString()),
                ("{\"clientId\":\"" + client + "\",\"days\":7}").getBytes(StandardCharsets.UTF_8));
        // Data that is not JSON: dead-lettered by every consumer of the topic.
        KafkaTestClient.shared().send(topics.of(Topic.HOMEWORK), client,
                TestEvents.headers(EventType.MOOD_LOGGED, tenant, client), "{not json".getBytes(StandardCharsets.UTF_8));

        await("the homework reminder sent and the completed occurrence's reminders cancelled")
                .atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    String reminders = send("reminders-service", "GET", "/clients/" + client + "/reminders",
                            asTherapist, null).body();
                    assertThat(reminders).containsPattern("\"kind\":\"HOMEWORK\",\"assignmentId\":\"" + assignment
                            + "\",\"occurrenceId\":\"" + soon + "\"[^}]*\"status\":\"SENT\"");
                    assertThat(reminders).containsPattern("\"occurrenceId\":\"" + tomorrow
                            + "\"[^}]*\"status\":\"CANCELLED\"");
                });
        await("the risk flag raised").atMost(Duration.ofSeconds(60)).until(() -> send("analytics-service", "GET",
                "/clients/" + client + "/flags", asTherapist, null).body().contains("SAFETY_ITEM"));
        ok(send("analytics-service", "GET", "/therapists/me/caseload", asTherapist, null));
    }

    private static String occurrence(String id, Instant dueAt) {
        return "{\"occurrenceId\":\"%s\",\"dueAt\":\"%s\",\"dueLocal\":\"%s\",\"windowClosesAt\":\"%s\"}"
                .formatted(id, dueAt, local(dueAt), dueAt.plus(Duration.ofHours(2)));
    }

    /** The wall-clock time in the client's zone, as events carry it. */
    private static String local(Instant instant) {
        return instant.atZone(ZONE).toLocalDateTime().toString();
    }

    /** Publishes event data on its topic as its producer would. */
    private void publish(EventType type, String json) {
        KafkaTestClient.shared().send(topics.of(type.topic()), client, TestEvents.headers(type, tenant, client),
                json.getBytes(StandardCharsets.UTF_8));
    }

    /** Each service's sample names (histograms as _bucket, _count, _sum; counters as _total), and the gateway's. */
    private static Map<String, Set<String>> scrapeAll() {
        return namesIn(stack.prometheus());
    }

    private static Map<String, Set<String>> namesIn(Map<String, String> scrapes) {
        Map<String, Set<String>> names = new TreeMap<>();
        scrapes.forEach((service, scrape) -> names.put(service, namesIn(scrape)));
        return names;
    }

    private static Set<String> namesIn(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && line.charAt(end) != '{' && line.charAt(end) != ' ') {
                end++;
            }
            names.add(line.substring(0, end));
        }
        return names;
    }

    private static Map<String, Set<String>> missing(Map<String, Set<String>> used, Map<String, Set<String>> scraped) {
        Set<String> union = new TreeSet<>();
        scraped.values().forEach(union::addAll);
        Map<String, Set<String>> missing = new TreeMap<>(used);
        missing.keySet().removeAll(union);
        return missing;
    }

    /** Selectors like {@code x{application="analytics-service"}} whose service does not expose {@code x}. */
    private static List<String> inTheWrongService(Map<String, String> expressions, Map<String, Set<String>> scraped) {
        List<String> wrong = new ArrayList<>();
        expressions.forEach((where, expression) -> {
            for (PromQl.Selector selector : PromQl.selectors(expression)) {
                String application = selector.exactMatchers().get("application");
                if (application != null && !scraped.getOrDefault(application, Set.of()).contains(selector.metric())) {
                    wrong.add(where + ": " + selector.metric() + "{application=\"" + application + "\"}");
                }
            }
        });
        return wrong;
    }

    private static void report(String title, Map<String, Set<String>> metrics) {
        StringBuilder text = new StringBuilder(title).append(":\n");
        metrics.forEach((metric, where) -> text.append("  ").append(metric).append("  (").append(where.size())
                .append(" uses, e.g. ").append(where.iterator().next()).append(")\n"));
        System.out.println(text);
    }

    private static Http.Response send(String service, String method, String path, String token, String json) {
        return Http.send(method, stack.url(service, path), token, json);
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
