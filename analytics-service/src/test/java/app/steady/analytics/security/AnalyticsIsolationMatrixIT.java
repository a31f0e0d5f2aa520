package app.steady.analytics.security;

import static org.awaitility.Awaitility.await;

import app.steady.analytics.digest.TestDigests;
import app.steady.analytics.digest.WeeklyDigests;
import app.steady.events.EventData;
import app.steady.events.goals.GoalSet;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.testing.IsolationMatrix;
import app.steady.testing.MatrixTenant;
import app.steady.testing.Party;
import app.steady.testing.Probe;
import app.steady.testing.TestEvents;
import app.steady.testing.Victim;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Who may call each endpoint of analytics-service (a new endpoint fails this test until it has a probe here). The
 * client's data comes as analytics gets it: events of homework-service and goals-service.
 */
class AnalyticsIsolationMatrixIT extends IsolationMatrix {

    @Autowired
    MongoTemplate mongo;
    @Autowired
    WeeklyDigests digests;

    @Override
    protected List<Probe> probes() {
        return List.of(
                // Risk flags, the clinical summary and episodes of care are the treating therapist's, not the client's.
                Probe.of("GET /clients/{clientId}/flags", Scope.CLIENT).only(Party.THERAPIST).shows("flagId"),
                Probe.of("GET /clients/{clientId}/summary", Scope.CLIENT).only(Party.THERAPIST),
                Probe.of("GET /clients/{clientId}/progress", Scope.CLIENT),
                Probe.of("GET /clients/{clientId}/goal-counts", Scope.CLIENT),
                Probe.of("GET /clients/{clientId}/goals/summary", Scope.CLIENT),   // deprecated
                Probe.of("GET /therapists/me/caseload", Scope.THERAPIST).shows("clientId"),
                // The digest of whoever treats the client when the weekly run comes (after a reassignment the new
                // therapist's; the former therapist's, made while they treated the client, must not show them now).
                Probe.of("GET /therapists/me/digest", Scope.THERAPIST).shows("clientId")
                        .with("digest", victim -> {
                            TestDigests.make(digests, mongo, victim.tenantId(), victim.therapist());
                            return "made";
                        }),
                Probe.of("GET /tenant/outcomes", Scope.ADMIN),
                Probe.of("POST /clients/{clientId}/episodes", Scope.CLIENT).only(Party.THERAPIST),
                Probe.of("POST /clients/{clientId}/flags/{flagId}/acknowledgement", Scope.CLIENT).only(Party.THERAPIST));
    }

    @Override
    protected void seed(Victim victim) throws Exception {
        Instant now = Instant.now();
        String assignment = victim.put("assignmentId", "assignment-" + UUID.randomUUID());
        publish(victim, new HomeworkCompleted(assignment, victim.client(), "o-1", "RELAXATION", now.minusSeconds(3600),
                now.minusSeconds(3000), false, 4, 2));
        String goal = victim.put("goalId", "goal-" + UUID.randomUUID());
        publish(victim, new GoalSet(goal, victim.client(), victim.therapist(), 1, null, 1, false, now));
        // A PHQ-9 with item 9 answered: a flag for the therapist, whose dashboard reads it (an audited access).
        publish(victim, new AssessmentCompleted(UUID.randomUUID().toString(), victim.client(), null, "PHQ-9",
                List.of(0, 0, 1, 0, 0, 0, 0, 0, 1), 2, "MINIMAL", true, now));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(victim, "risk_flags") == 1 && count(victim, "client_goals") == 1);
        victim.put("flagId", callFor("$[0].id", victim.therapistToken(), "GET", "/clients/" + victim.client() + "/flags", null));
        // The weekly run has made the therapist's digest, which names the client as needing attention (the flag).
        TestDigests.make(digests, mongo, victim.tenantId(), victim.therapist());
    }

    /** Analytics' own copy of who treats whom (its caseload view) follows the access rule's: wait for both. */
    @Override
    protected void assign(MatrixTenant tenant, String client, String therapist) throws Exception {
        super.assign(tenant, client, therapist);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant.id())
                .and("clientId").is(client).and("therapistId").is(therapist)), "client_records") == 1);
    }

    private void publish(Victim victim, EventData data) {
        TestEvents.publish(topics, json, victim.tenantId(), data);
    }

    private long count(Victim victim, String collection) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(victim.tenantId()).and("clientId").is(victim.client())),
                collection);
    }
}
