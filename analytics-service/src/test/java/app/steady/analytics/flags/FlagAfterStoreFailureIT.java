package app.steady.analytics.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.homework.AssessmentCompleted;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestEvents;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * No flag is lost after a failure: the store failing during the raise (the chaos hook {@code fail-raises}), or the
 * process dying after the record with its pending sign was written, still ends with exactly one flag.
 */
@SteadyIntegrationTest(properties = {"steady.analytics.chaos.fail-raises=1", "steady.analytics.pending-signs.sweep-every=1s"})
class FlagAfterStoreFailureIT {

    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();

    @Test
    void aSafetyAnswerStillRaisesExactlyOneFlagWhenTheStoreFailsDuringTheRaise() {
        TestEvents.publish(topics, json, tenant, new AssessmentCompleted(UUID.randomUUID().toString(), client, null,
                "PHQ-9", List.of(0, 0, 1, 0, 0, 0, 0, 0, 1), 2, "MINIMAL", true, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> flags() == 1 && pendingSigns() == 0);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> flags() == 1);
    }

    @Test
    void aSignLeftPendingByACrashIsRaisedOnceByTheSweeper() {
        double sweptBefore = meters.counter("steady.analytics.flags.pending.swept").count();
        // What a process killed between the record write and the raise leaves behind.
        mongo.insert(new Document("_id", tenant + ":" + client).append("tenantId", tenant).append("clientId", client)
                .append("version", 0L).append("pendingFlags", List.of(new Document("kind", "SAFETY_ITEM")
                        .append("sourceKey", "assessment-1").append("evidence", List.of("PHQ-9 item 9 answered 1 or more"))
                        .append("at", Date.from(Instant.now())))), "client_records");

        await().atMost(Duration.ofSeconds(30)).until(() -> flags() == 1 && pendingSigns() == 0);
        assertThat(meters.counter("steady.analytics.flags.pending.swept").count()).isGreaterThan(sweptBefore);
        assertThat(mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant)), Document.class, "risk_flags"))
                .satisfies(flag -> assertThat(flag.get("therapistId")).isNull());
    }

    private long flags() {
        return mongo.count(Query.query(Criteria.where("tenantId").is(tenant).and("clientId").is(client)), "risk_flags");
    }

    private long pendingSigns() {
        return mongo.count(Query.query(Criteria.where("_id").is(tenant + ":" + client)
                .and("pendingFlags.sourceKey").exists(true)), "client_records");
    }
}
