package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.testing.TestTokens;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known workload the fault scenarios drive through the public APIs, as clients' apps and therapists' dashboards
 * would, and what the platform answered: every write is ACCEPTED (2xx), REFUSED (a definite 4xx: nothing stored), or
 * UNCERTAIN (the connection broke mid-request or the service answered 5xx: it may or may not have been stored; a
 * real app would retry or reload). Expectations are then checked against the owning service's own store, which must
 * hold every accepted write and at most the uncertain ones besides.
 */
final class Workload {

    private static final Logger log = LoggerFactory.getLogger(Workload.class);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TIME_ZONE = "Europe/London";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    enum Outcome { ACCEPTED, REFUSED, UNCERTAIN }

    record Answer(Outcome outcome, int status, String body, String location) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A mood the platform holds for a client: logged through the API or published as homework-service would. */
    record Mood(String entryId, int mood, LocalDate day) {
    }

    /** A client of a scenario with their own therapist, and everything the platform accepted for them, in order. */
    static final class Subject {
        final String tenant;
        final String id;
        final String therapist;
        /** Homework writes in the order they were accepted: "mood:<entryId>", "journal:<entryId>". */
        final List<String> homeworkOrder = new CopyOnWriteArrayList<>();
        final List<Mood> apiMoods = new CopyOnWriteArrayList<>();
        final List<String> journals = new CopyOnWriteArrayList<>();
        /** Goals agreed by both parties, in order. */
        final List<String> goals = new CopyOnWriteArrayList<>();
        /** Moods published directly onto the homework topic by the test (as homework-service would). */
        final List<Mood> directMoods = new CopyOnWriteArrayList<>();
        final AtomicInteger uncertainMoods = new AtomicInteger();
        final AtomicInteger uncertainJournals = new AtomicInteger();
        final AtomicInteger uncertainGoals = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();

        Subject(String tenant, String id, String therapist) {
            this.tenant = tenant;
            this.id = id;
            this.therapist = therapist;
        }

        String asClient() {
            return TestTokens.client(tenant, id);
        }

        String asTherapist() {
            return TestTokens.therapist(tenant, therapist);
        }

        @Override
        public String toString() {
            return tenant + "/" + id;
        }
    }

    /** {@code count} new clients, each with a therapist of their own, in {@code tenant} (a new one if null). */
    static List<Subject> subjects(String scenario, int count, String tenant) {
        if (tenant == null) {
            tenant = "tenant-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
        }
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            subjects.add(new Subject(tenant, "client-" + scenario + "-" + i + "-" + suffix,
                    "therapist-" + scenario + "-" + i + "-" + suffix));
        }
        return subjects;
    }

    static Answer call(String method, String url, String authorization, String json) {
        try {
            HttpResponse<String> response = HTTP.send(Http.request(method, url, authorization, json, Duration.ofSeconds(20)),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Outcome outcome = status / 100 == 2 ? Outcome.ACCEPTED : status >= 500 ? Outcome.UNCERTAIN : Outcome.REFUSED;
            return new Answer(outcome, status, response.body(), response.headers().firstValue("Location").orElse(null));
        } catch (java.net.ConnectException refused) {
            // Nothing listened: the request never reached the service.
            return new Answer(Outcome.REFUSED, 0, refused.toString(), null);
        } catch (IOException broken) {
            return new Answer(Outcome.UNCERTAIN, 0, broken.toString(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The API calls of the workload, against whatever instances currently serve each service. */
    static final class Api {
        private final Supplier<String> goals;
        private final Supplier<String> homework;

        Api(Supplier<String> goalsBaseUrl, Supplier<String> homeworkBaseUrl) {
            this.goals = goalsBaseUrl;
            this.homework = homeworkBaseUrl;
        }

        void assign(Subject subject) {
            OnCall.setFor(goals.get(), subject.tenant);
            Answer assigned = call("PUT", goals.get() + "/caseload/clients/" + subject.id,
                    TestTokens.admin(subject.tenant, "admin-1"), "{\"therapistId\":\"" + subject.therapist + "\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        }

        Outcome logMood(Subject subject, int mood) {
            Answer answer = call("POST", homework.get() + "/clients/" + subject.id + "/mood", subject.asClient(),
                    "{\"mood\":" + mood + ",\"timeZone\":\"" + TIME_ZONE + "\"}");
            if (answer.outcome() == Outcome.ACCEPTED) {
                JsonNode view = answer.json();
                String id = view.path("id").asString();
                subject.apiMoods.add(new Mood(id, view.path("mood").asInt(),
                        LocalDateTime.parse(view.path("loggedLocal").asString()).toLocalDate()));
                subject.homeworkOrder.add("mood:" + id);
            } else {
                count(subject, answer, subject.uncertainMoods);
            }
            return answer.outcome();
        }

        Outcome writeJournal(Subject subject, String text) {
            Answer answer = call("POST", homework.get() + "/clients/" + subject.id + "/journal", subject.asClient(),
                    "{\"text\":\"" + text + "\"}");
            if (answer.outcome() == Outcome.ACCEPTED) {
                String id = answer.json().path("id").asString();
                subject.journals.add(id);
                subject.homeworkOrder.add("journal:" + id);
            } else {
                count(subject, answer, subject.uncertainJournals);
            }
            return answer.outcome();
        }

        /** The client proposes, the therapist agrees: the goal is set (goal-set event). */
        Outcome agreeGoal(Subject subject, String title) {
            Answer proposed = call("POST", goals.get() + "/clients/" + subject.id + "/goals", subject.asClient(),
                    "{\"title\":\"" + title + "\"}");
            if (proposed.outcome() != Outcome.ACCEPTED) {
                count(subject, proposed, new AtomicInteger());
                return proposed.outcome();
            }
            String goalId = proposed.location().substring(proposed.location().lastIndexOf('/') + 1);
            Answer agreed = call("POST", goals.get() + proposed.location() + "/agreement", subject.asTherapist(),
                    "{\"version\":1}");
            if (agreed.outcome() == Outcome.ACCEPTED) {
                subject.goals.add(goalId);
            } else {
                count(subject, agreed, subject.uncertainGoals);
            }
            return agreed.outcome();
        }

        private static void count(Subject subject, Answer answer, AtomicInteger uncertain) {
            if (answer.outcome() == Outcome.UNCERTAIN) {
                uncertain.incrementAndGet();
            } else {
                subject.refused.incrementAndGet();
            }
            log.debug("{} for {}: {} {}", answer.outcome(), subject, answer.status(), answer.body());
        }
    }

    /**
     * Writes at a steady pace, round-robin over the subjects, until stopped: each subject gets, in turn, moods, a
     * journal entry and an agreed goal. One writer thread, so a client's writes are made (and accepted) in order.
     * The pace keeps every caller under the per-caller write limit (120 a minute).
     */
    static final class PacedWriter implements AutoCloseable {
        private static final String[] PATTERN = {"mood", "mood", "journal", "mood", "goal"};

        private final Api api;
        private final List<Subject> subjects;
        private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        private final AtomicLong ticks = new AtomicLong();
        private final Map<Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();

        PacedWriter(Api api, List<Subject> subjects, Duration period) {
            this.api = api;
            this.subjects = subjects;
            long perSubjectMillis = period.toMillis() * subjects.size();
            if (perSubjectMillis < 600) {
                throw new IllegalArgumentException("Each client would write more than 100 times a minute");
            }
            executor.scheduleAtFixedRate(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void tick() {
            long tick = ticks.getAndIncrement();
            Subject subject = subjects.get((int) (tick % subjects.size()));
            long round = tick / subjects.size();
            String op = PATTERN[(int) (round % PATTERN.length)];
            try {
                Outcome outcome = switch (op) {
                    case "mood" -> api.logMood(subject, (int) ((round * 7 + subjects.indexOf(subject) * 3) % 11));
                    case "journal" -> api.writeJournal(subject, "Round " + round + " went fine");
                    default -> api.agreeGoal(subject, "Goal of round " + round);
                };
                outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
            } catch (RuntimeException e) {
                log.warn("Workload write failed unexpectedly", e);
            }
        }

        long writes() {
            return ticks.get();
        }

        Map<Outcome, AtomicInteger> outcomes() {
            return outcomes;
        }

        @Override
        public void close() {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.info("Workload stopped after {} writes: {}", ticks.get(), outcomes);
        }
    }
}
