package app.steady.analytics.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Makes a therapist's digest of last week now, as the weekly run does once it is due, for tests in other packages.
 * Replaces one made earlier: the weekly run of another test context in the same JVM (they share the store) may have
 * made it before the test's data existed, and the weekly run never makes a week's digest twice.
 */
public final class TestDigests {

    private TestDigests() {
    }

    public static void make(WeeklyDigests digests, MongoTemplate mongo, String tenant, String therapist) {
        LocalDate lastWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .minusWeeks(1);
        mongo.remove(Query.query(Criteria.where("_id").is(TherapistDigest.idOf(tenant, therapist, lastWeek))),
                TherapistDigest.class);
        digests.make(tenant, therapist, lastWeek, Instant.now());
    }
}
