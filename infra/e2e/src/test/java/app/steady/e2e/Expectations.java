package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.e2e.Workload.Mood;
import app.steady.e2e.Workload.Subject;
import app.steady.events.EventType;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.SoftAssertions;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * "Nothing lost, nothing applied or sent twice", checked exactly: what the owning services hold (their own APIs) is
 * what was accepted (plus at most the uncertain writes), every held fact is on its topic as exactly one event, and
 * analytics' projections (its store and its API) equal what the events say — after its consumer group has committed
 * the end of every partition, so nothing is still on its way.
 */
final class Expectations {

    private static final Logger log = LoggerFactory.getLogger(Expectations.class);
    static final Duration CONVERGENCE = Duration.ofMinutes(3);

    private final FaultCluster cluster;
    private final KafkaProbe kafka;
    private final MongoClient mongo;
    private final Supplier<FaultCluster.Node> goals;
    private final Supplier<FaultCluster.Node> homework;
    private final Supplier<FaultCluster.Node> analytics;

    Expectations(FaultCluster cluster, KafkaProbe kafka, MongoClient mongo, Supplier<FaultCluster.Node> goals,
                 Supplier<FaultCluster.Node> homework, Supplier<FaultCluster.Node> analytics) {
        this.cluster = cluster;
        this.kafka = kafka;
        this.mongo = mongo;
        this.goals = goals;
        this.homework = homework;
        this.analytics = analytics;
    }

    /** What the owning services hold for one client. */
    record Held(List<Mood> moods, List<String> journals, List<String> goals) {
    }

    /** The facts a topic carries for one client: entity id -> distinct event ids, in offset order, and duplicates. */
    record Published(List<String> order, Map<String, Set<String>> eventIdsByEntity, int redeliveredCopies) {
    }

    /** Facts of the checks, for the report. */
    record Report(int moods, int journals, int goals, int duplicateCopiesOnTopics) {
    }

    /** What to check of the order in which each client's events were published. */
    enum Order {
        /** Not checked (events published by the test itself, or a mix of scenarios). */
        NONE,
        /** Each client's events in the order their writes were accepted, or the scenario fails. */
        STRICT
    }

    Report assertExactlyOnce(List<Subject> subjects, Order order) {
        Map<Subject, Held> held = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            held.put(subject, heldBy(subject));
        }
        String homeworkTopic = cluster.prefix + "steady.homework.events";
        String goalsTopic = cluster.prefix + "steady.goals.events";

        // 1. Every held fact reaches its topic (the relays may still be catching up).
        AtomicReference<Map<Subject, Published>> homeworkEvents = new AtomicReference<>();
        AtomicReference<Map<Subject, Published>> goalEvents = new AtomicReference<>();
        await("every held fact published").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            homeworkEvents.set(published(kafka.readAll(homeworkTopic), subjects, this::homeworkEntity));
            goalEvents.set(published(kafka.readAll(goalsTopic), subjects, this::goalEntity));
            for (Subject subject : subjects) {
                assertThat(homeworkEvents.get().get(subject).eventIdsByEntity().keySet()).as("homework facts of " + subject)
                        .containsAll(expectedHomework(subject, held.get(subject)));
                assertThat(goalEvents.get().get(subject).eventIdsByEntity().keySet()).as("goal-set of " + subject)
                        .containsAll(held.get(subject).goals().stream().map(id -> "goal:" + id).toList());
            }
        });
        // 2. Analytics has applied (or dead-lettered) everything there is.
        List<String> analyticsTopics = List.of(goalsTopic, homeworkTopic);
        await("analytics lag 0").atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> kafka.caughtUp(analytics.get().group, analyticsTopics));
        // Read again: the topics as analytics has consumed them.
        homeworkEvents.set(published(kafka.readAll(homeworkTopic), subjects, this::homeworkEntity));
        goalEvents.set(published(kafka.readAll(goalsTopic), subjects, this::goalEntity));

        SoftAssertions softly = new SoftAssertions();
        int duplicates = 0;
        int moods = 0;
        int journals = 0;
        int goalCount = 0;
        for (Subject subject : subjects) {
            Held facts = held.get(subject);
            Published homeworkFacts = homeworkEvents.get().get(subject);
            Published goalFacts = goalEvents.get().get(subject);
            duplicates += homeworkFacts.redeliveredCopies() + goalFacts.redeliveredCopies();
            moods += facts.moods().size() + subject.directMoods.size();
            journals += facts.journals().size();
            goalCount += facts.goals().size();

            // Exactly the held facts, each as exactly one event (one ce_id), on the topics.
            softly.assertThat(homeworkFacts.eventIdsByEntity().keySet()).as("homework facts on the topic for " + subject)
                    .containsExactlyInAnyOrderElementsOf(expectedHomework(subject, facts));
            softly.assertThat(goalFacts.eventIdsByEntity().keySet()).as("goal-set events on the topic for " + subject)
                    .containsExactlyInAnyOrderElementsOf(facts.goals().stream().map(id -> "goal:" + id).toList());
            homeworkFacts.eventIdsByEntity().forEach((entity, ids) ->
                    softly.assertThat(ids).as("events for " + entity + " of " + subject).hasSize(1));
            goalFacts.eventIdsByEntity().forEach((entity, ids) ->
                    softly.assertThat(ids).as("events for " + entity + " of " + subject).hasSize(1));

            if (order != Order.NONE) {
                List<String> violations = new ArrayList<>();
                outOfOrder(subject.homeworkOrder, homeworkFacts.order())
                        .forEach(v -> violations.add("homework events of " + subject + ": " + v));
                outOfOrder(subject.goals.stream().map(id -> "goal:" + id).toList(), goalFacts.order())
                        .forEach(v -> violations.add("goal-set events of " + subject + ": " + v));
                softly.assertThat(violations).as("events published out of the order their writes were accepted in")
                        .isEmpty();
            }

            // Analytics' projection: per day exactly the moods held, none twice (count and sum), and the goal count.
            Map<LocalDate, double[]> expectedDays = new TreeMap<>();
            List<Mood> all = new ArrayList<>(facts.moods());
            all.addAll(subject.directMoods);
            for (Mood mood : all) {
                double[] countAndSum = expectedDays.computeIfAbsent(mood.day(), d -> new double[2]);
                countAndSum[0]++;
                countAndSum[1] += mood.mood();
            }
            softly.assertThat(projectedMoodDays(subject)).as("analytics' mood days of " + subject + " (count, sum)")
                    .isEqualTo(expectedDays.entrySet().stream().collect(Collectors.toMap(
                            e -> e.getKey().toString(), e -> List.of((int) e.getValue()[0], (int) e.getValue()[1]),
                            (a, b) -> a, TreeMap::new)));
            JsonNode goalSummary = Workload.call("GET", analytics.get().url("/clients/" + subject.id + "/goal-counts"),
                    subject.asClient(), null).json();
            softly.assertThat(goalSummary.path("active").asLong()).as("analytics active goals of " + subject)
                    .isEqualTo(facts.goals().size());
            // The clinical summary is the treating therapist's (clients get their progress in plain words instead).
            Workload.Answer summaryAnswer = Workload.call("GET", analytics.get().url("/clients/" + subject.id + "/summary"),
                    subject.asTherapist(), null);
            assertThat(summaryAnswer.status()).as(summaryAnswer.body()).isEqualTo(200);
            JsonNode summary = summaryAnswer.json();
            Map<String, Double> dailyMeans = new TreeMap<>();
            summary.path("mood").path("daily").forEach(point ->
                    dailyMeans.put(point.path("day").asString(), point.path("mood").asDouble()));
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            Map<String, Double> expectedMeans = new TreeMap<>();
            expectedDays.forEach((day, countAndSum) -> {
                if (!day.isBefore(today.minusDays(90))) {
                    expectedMeans.put(day.toString(), Math.round(countAndSum[1] / countAndSum[0] * 10) / 10.0);
                }
            });
            softly.assertThat(dailyMeans).as("daily mood means in analytics' summary of " + subject).isEqualTo(expectedMeans);
        }
        softly.assertAll();
        Report report = new Report(moods, journals, goalCount, duplicates);
        log.info("Exactly once for {} clients: {}", subjects.size(), report);
        return report;
    }

    /**
     * The published facts that came after a fact accepted later than them ({@code published} filtered to the accepted
     * ones): "X (accepted #i) after Y (accepted #j)". Empty when the topic keeps the order the writes were accepted in.
     */
    static List<String> outOfOrder(List<String> accepted, List<String> published) {
        Map<String, Integer> rank = new HashMap<>();
        for (int i = 0; i < accepted.size(); i++) {
            rank.put(accepted.get(i), i);
        }
        List<String> inversions = new ArrayList<>();
        String latest = null;
        for (String fact : published) {
            Integer position = rank.get(fact);
            if (position == null) {
                continue;
            }
            if (latest != null && position < rank.get(latest)) {
                inversions.add(fact + " (accepted #" + position + ") after " + latest + " (accepted #" + rank.get(latest) + ")");
            } else {
                latest = fact;
            }
        }
        return inversions;
    }

    /** The homework store's and goals store's own view, through their APIs, checked against what was accepted. */
    Held heldBy(Subject subject) {
        List<Mood> moods = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = get(homework.get().url("/clients/" + subject.id + "/mood?size=200&page=" + page), subject);
            found.path("items").forEach(item -> moods.add(new Mood(item.path("id").asString(), item.path("mood").asInt(),
                    LocalDateTime.parse(item.path("loggedLocal").asString()).toLocalDate())));
            if (moods.size() >= found.path("totalItems").asLong()) {
                break;
            }
        }
        List<String> journals = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode found = get(homework.get().url("/clients/" + subject.id + "/journal?size=100&page=" + page), subject);
            found.path("items").forEach(item -> journals.add(item.path("id").asString()));
            if (journals.size() >= found.path("totalItems").asLong()) {
                break;
            }
        }
        List<String> agreed = new ArrayList<>();
        get(goals.get().url("/clients/" + subject.id + "/goals?status=AGREED"), subject)
                .forEach(goal -> agreed.add(goal.path("id").asString()));

        Set<String> acceptedMoods = subject.apiMoods.stream().map(Mood::entryId).collect(Collectors.toSet());
        assertThat(moods.stream().map(Mood::entryId).toList()).as("moods homework-service holds for " + subject)
                .containsAll(acceptedMoods).doesNotHaveDuplicates();
        assertThat(moods.size() - acceptedMoods.size()).as("moods held beyond the accepted ones (uncertain writes)")
                .isBetween(0, subject.uncertainMoods.get());
        assertThat(journals).as("journal entries homework-service holds for " + subject)
                .containsAll(subject.journals).doesNotHaveDuplicates();
        assertThat(journals.size() - subject.journals.size()).isBetween(0, subject.uncertainJournals.get());
        assertThat(agreed).as("agreed goals goals-service holds for " + subject)
                .containsAll(subject.goals).doesNotHaveDuplicates();
        assertThat(agreed.size() - subject.goals.size()).isBetween(0, subject.uncertainGoals.get());
        return new Held(moods, journals, agreed);
    }

    private static JsonNode get(String url, Subject subject) {
        Workload.Answer answer = Workload.call("GET", url, subject.asClient(), null);
        assertThat(answer.status()).as(url + ": " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> expectedHomework(Subject subject, Held held) {
        List<String> expected = new ArrayList<>();
        held.moods().forEach(mood -> expected.add("mood:" + mood.entryId()));
        subject.directMoods.forEach(mood -> expected.add("mood:" + mood.entryId()));
        held.journals().forEach(id -> expected.add("journal:" + id));
        return expected;
    }

    /** analytics' client_records document: day -> [count, sum] of the moods it applied. */
    Map<String, List<Integer>> projectedMoodDays(Subject subject) {
        Document record = mongo.getDatabase("steady-analytics").getCollection("client_records")
                .find(Filters.eq("_id", subject.tenant + ":" + subject.id)).first();
        Map<String, List<Integer>> days = new TreeMap<>();
        if (record != null && record.get("moodByDay") instanceof Document byDay) {
            byDay.forEach((day, value) -> {
                Document mood = (Document) value;
                days.put(day, List.of(((Number) mood.get("count")).intValue(), (int) Math.round(((Number) mood.get("sum")).doubleValue())));
            });
        }
        return days;
    }

    private String homeworkEntity(ConsumerRecord<String, byte[]> record) {
        String type = KafkaProbe.type(record);
        if (EventType.MOOD_LOGGED.type().equals(type)) {
            return "mood:" + Workload.JSON.readTree(record.value()).path("entryId").asString();
        }
        if (EventType.JOURNAL_ENTRY_RECORDED.type().equals(type)) {
            return "journal:" + Workload.JSON.readTree(record.value()).path("entryId").asString();
        }
        return null;
    }

    private String goalEntity(ConsumerRecord<String, byte[]> record) {
        return EventType.GOAL_SET.type().equals(KafkaProbe.type(record))
                ? "goal:" + Workload.JSON.readTree(record.value()).path("goalId").asString() : null;
    }

    private static Map<Subject, Published> published(List<ConsumerRecord<String, byte[]>> records, List<Subject> subjects,
                                                     java.util.function.Function<ConsumerRecord<String, byte[]>, String> entityOf) {
        Map<String, Subject> byKey = new HashMap<>();
        subjects.forEach(subject -> byKey.put(subject.tenant + "|" + subject.id, subject));
        Map<Subject, List<String>> order = new HashMap<>();
        Map<Subject, Map<String, Set<String>>> ids = new HashMap<>();
        Map<Subject, Set<String>> seen = new HashMap<>();
        Map<Subject, Integer> copies = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Subject subject = byKey.get(KafkaProbe.tenant(record) + "|" + record.key());
            if (subject == null || KafkaProbe.header(record, FaultInjectionE2E.PROBE) != null) {
                // not one of these clients' events, or one of the hostile records injected among them
                continue;
            }
            String entity = entityOf.apply(record);
            if (entity == null) {
                continue;
            }
            String eventId = KafkaProbe.id(record);
            if (!seen.computeIfAbsent(subject, s -> new HashSet<>()).add(eventId)) {
                copies.merge(subject, 1, Integer::sum); // the relay published it again (at least once): same ce_id
                continue;
            }
            order.computeIfAbsent(subject, s -> new ArrayList<>()).add(entity);
            ids.computeIfAbsent(subject, s -> new LinkedHashMap<>()).computeIfAbsent(entity, e -> new HashSet<>()).add(eventId);
        }
        Map<Subject, Published> result = new HashMap<>();
        for (Subject subject : subjects) {
            result.put(subject, new Published(order.getOrDefault(subject, List.of()),
                    ids.getOrDefault(subject, Map.of()), copies.getOrDefault(subject, 0)));
        }
        return result;
    }
}
