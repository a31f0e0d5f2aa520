package app.steady.analytics.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.analytics.client.Tally;
import app.steady.analytics.client.TallySweep;
import app.steady.events.EventData;
import app.steady.events.goals.ClientAssigned;
import app.steady.events.goals.ClientUnassigned;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * {@code GET /tenant/outcomes} over a realistic tenant: several therapists (some under 10 clients), transfers within an
 * episode, a discharge and a new episode with another therapist, clients never assigned, scores on both measures in
 * every outcome category, and homework over weeks some of which fewer than 10 clients had due. The report is compared
 * whole with the one the service gave when it still counted the records in memory, and the records never leave the
 * database: the store runs an aggregation and answers with its rows only. Records written without their tallies (before
 * the upgrade, or by an older version during a rolling update) or with older rules count again once swept.
 */
@SteadyIntegrationTest(properties = {
        "steady.analytics.tallies.sweep-every=1h", // the test sweeps when it wants to
        // This context of its own (the command listener) stays alive while other classes run: its weekly-digest clock
        // would make digests for their therapists whenever it ticked, so it ticks at start-up only.
        "steady.analytics.digest.check-every=1000d"})
class ProviderOutcomesIT {

    /**
     * The report of {@link #seed} as the service gave it when it counted every record in memory (before issue 16, item
     * 7), captured from that code: it must not change.
     */
    static final String REALISTIC_TENANT = resource("realistic-tenant-outcomes.json");

    /** The seed goes onto the topics as goals-service and homework-service publish their events. */
    @Autowired
    TopicNames topics;
    @Autowired
    MockMvc mvc;
    /** What the service sends the store, and what the store answers. */
    @Autowired
    ObservedCommands commands;
    @Autowired
    EventJson json;
    @Autowired
    MongoTemplate mongo;
    /** Runs when the test says so: its schedule here is hourly. */
    @Autowired
    TallySweep sweep;

    final String tenant = "tenant-" + UUID.randomUUID();
    /** A Monday. */
    final Instant t0 = Instant.parse("2026-09-07T09:00:00Z");

    @Test
    void aRealisticTenantsReportIsWhatItWasWhenTheRecordsWereCountedInMemory() {
        seed();

        awaitReport(REALISTIC_TENANT);
    }

    @Test
    void theRecordsStayInTheDatabaseWhichAnswersWithTheAggregateOnly() throws Exception {
        List<String> clients = seed();
        awaitReport(REALISTIC_TENANT);

        List<ObservedCommands.Command> sent = commands.during(() -> mvc.perform(get("/tenant/outcomes")
                .header("Authorization", TestTokens.admin(tenant, "admin"))).andExpect(status().isOk()));

        List<ObservedCommands.Command> onRecords = sent.stream().filter(c -> "client_records".equals(c.collection())).toList();
        assertThat(onRecords).extracting(ObservedCommands.Command::name)
                .as("commands on client_records while answering /tenant/outcomes")
                .contains("aggregate").doesNotContain("find", "getMore");
        assertThat(onRecords).filteredOn(c -> c.name().equals("aggregate")).singleElement().satisfies(aggregate -> {
            assertThat(aggregate.command().getArray("pipeline").get(0)).as("the first stage: the tenant, by plain equality")
                    .isEqualTo(new BsonDocument("$match", new BsonDocument("tenantId", new BsonString(tenant))));
        });
        assertThat(onRecords).allSatisfy(command -> assertThat(clients)
                .as("no client of the tenant is named in the store's reply to %s", command.name())
                .noneMatch(client -> command.reply().toJson().contains(client)));
    }

    @Test
    void recordsWithoutTalliesOrWithThemFromOlderRulesCountAgainOnceSwept() throws Exception {
        List<String> clients = seed();
        awaitReport(REALISTIC_TENANT);
        // Half the records as written before tallies existed (or replaced by an older version), half by older rules.
        mongo.updateMulti(Query.query(where("tenantId").is(tenant).and("clientId").in(clients.subList(0, 18))),
                new Update().unset("tallies").unset("tallyRules"), "client_records");
        mongo.updateMulti(Query.query(where("tenantId").is(tenant).and("clientId").in(clients.subList(18, 36))),
                new Update().set("tallies", List.of()).set("tallyRules", Tally.RULES - 1), "client_records");
        mvc.perform(get("/tenant/outcomes").header("Authorization", TestTokens.admin(tenant, "admin")))
                .andExpect(jsonPath("$.tenant.suppressed").value(true))
                .andExpect(jsonPath("$.byTherapist").isEmpty());

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(36);

        awaitReport(REALISTIC_TENANT);
        assertThat(mongo.count(Query.query(where("tenantId").is(tenant).and("tallyRules").is(Tally.RULES)), "client_records"))
                .isEqualTo(36);
    }

    /** The tenant's clients, seeded through the topics as goals-service and homework-service publish them. */
    private List<String> seed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            String client = "client-" + run + "-" + i;
            clients.add(client);
            caseload(i, client);
            scores(i, client);
            homework(i, client);
        }
        return clients;
    }

    /**
     * 0–13 with therapist-a, 14–25 with therapist-b, 26–31 with therapist-c, 32–33 never assigned, 34–35 with
     * therapist-d; 10 and 11 are transferred from a to b within their episode, 12 and 13 are discharged by a and start a
     * second episode with c.
     */
    private void caseload(int i, String client) {
        Instant assigned = days(i % 3);
        String therapist = i < 14 ? "therapist-a" : i < 26 ? "therapist-b" : i < 32 ? "therapist-c" : i < 34 ? null : "therapist-d";
        if (therapist == null) {
            return;
        }
        publish(new ClientAssigned(client, therapist, assigned));
        if (i == 10 || i == 11) {
            publish(new ClientUnassigned(client, "therapist-a", days(21)));
            publish(new ClientAssigned(client, "therapist-b", days(21)));
        } else if (i == 12 || i == 13) {
            publish(new ClientUnassigned(client, "therapist-a", days(28)));
            publish(new ClientAssigned(client, "therapist-c", days(42)));
        }
    }

    /** Baseline and later scores, PHQ-9 and GAD-7, so that every category occurs; 34 and 35 have a baseline only. */
    private void scores(int i, String client) {
        int[][] pairs = { // PHQ-9 baseline, latest, GAD-7 baseline, latest (-1: not taken)
                {16, 8, -1, -1},  // reliable recovery
                {8, 15, -1, -1},  // reliable deterioration, not at caseness at the start
                {11, 8, -1, -1},  // recovery without reliable improvement
                {20, 12, -1, -1}, // reliable improvement
                {12, 11, 9, 8},   // no reliable change
                {10, 8, 6, 11},   // reliable deterioration on GAD-7
                {-1, -1, 12, 5},  // reliable recovery on GAD-7 alone
                {4, 3, -1, -1},   // no reliable change, not at caseness
                {14, 9, 10, 5},   // reliable recovery on both
        };
        int[] pair = pairs[i % pairs.length];
        Instant baseline = i % 4 == 0 ? days(-2) : days(3); // a referral score belongs to the first episode
        Instant latest = days(35);
        if (i >= 34) {
            score(client, "PHQ-9", 15, days(3));
            return;
        }
        if (pair[0] >= 0) {
            score(client, "PHQ-9", pair[0], baseline);
            score(client, "PHQ-9", pair[1], latest);
        }
        if (pair[2] >= 0) {
            score(client, "GAD-7", pair[2], baseline);
            score(client, "GAD-7", pair[3], latest);
        }
        if (i == 12 || i == 13) { // the second episode, with its own baseline
            score(client, "PHQ-9", 18, days(43));
            score(client, "PHQ-9", 9 + i, days(63));
        }
    }

    /** Weekly homework; weeks 5 and 6 for every other client, week 7 for every fourth (fewer than 10: suppressed). */
    private void homework(int i, String client) {
        for (int week = 0; week < 8; week++) {
            if (week >= 5 && i % 2 != 0 || week == 7 && i % 4 != 0) {
                continue;
            }
            Instant due = days(week * 7 + i % 5).plus(Duration.ofHours(8));
            String occurrence = "o-" + week;
            if ((i + week) % (2 + week % 3) != 0) { // a completion rate that differs from week to week
                publish(new HomeworkCompleted("assignment-" + i, client, occurrence, "EXERCISE", due,
                        due.plus(Duration.ofHours(2)), (i + week) % 5 == 0, 1 + (i + week) % 5, null));
            } else {
                publish(new HomeworkMissed("assignment-" + i, client, occurrence, "EXERCISE", due,
                        due.plus(Duration.ofDays(1))));
            }
        }
    }

    private void score(String client, String measure, int total, Instant at) {
        List<Integer> items = Collections.nCopies("PHQ-9".equals(measure) ? 9 : 7, 0);
        publish(new AssessmentCompleted(UUID.randomUUID().toString(), client, null, measure, items, total, "BAND", false, at));
    }

    private void publish(EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    private Instant days(int days) {
        return t0.plus(Duration.ofDays(days));
    }

    private void awaitReport(String expected) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> mvc.perform(
                        get("/tenant/outcomes").header("Authorization", TestTokens.admin(tenant, "admin")))
                .andExpect(status().isOk())
                .andExpect(MockMvcResultMatchers.content().json(expected, JsonCompareMode.STRICT)));
    }

    private static String resource(String name) {
        try (var in = ProviderOutcomesIT.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TestConfiguration
    static class ObservedCommandsConfiguration {

        @Bean
        ObservedCommands observedCommands() {
            return new ObservedCommands();
        }

        @Bean
        MongoClientSettingsBuilderCustomizer observeCommands(ObservedCommands observed) {
            return settings -> settings.addCommandListener(observed);
        }
    }

    /**
     * The commands this thread sends to the store while it runs something, with the store's replies. The driver calls
     * listeners on the thread that sends the command, so the service's own background work (sweepers, consumers) is
     * left out.
     */
    static class ObservedCommands implements CommandListener {

        record Command(String name, String collection, BsonDocument command, BsonDocument reply) {
        }

        interface Work {
            void run() throws Exception;
        }

        /** The commands in flight, by request id (copied at once: the driver reuses its buffer). */
        private final ThreadLocal<Map<Integer, BsonDocument>> started = new ThreadLocal<>();
        private final ThreadLocal<List<Command>> observed = new ThreadLocal<>();

        List<Command> during(Work work) throws Exception {
            started.set(new HashMap<>());
            observed.set(new ArrayList<>());
            try {
                work.run();
                return List.copyOf(observed.get());
            } finally {
                started.remove();
                observed.remove();
            }
        }

        @Override
        public void commandStarted(CommandStartedEvent event) {
            if (started.get() != null) {
                started.get().put(event.getRequestId(), event.getCommand().clone());
            }
        }

        @Override
        public void commandSucceeded(CommandSucceededEvent event) {
            BsonDocument command = started.get() == null ? null : started.get().remove(event.getRequestId());
            if (command != null) {
                String name = event.getCommandName();
                String collection = command.isString("collection") ? command.getString("collection").getValue()
                        : command.isString(name) ? command.getString(name).getValue() : "";
                observed.get().add(new Command(name, collection, command, event.getResponse().clone()));
            }
        }
    }
}
