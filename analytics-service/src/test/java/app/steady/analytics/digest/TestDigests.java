package app.steady.analytics.digest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** Makes a therapist's digest of last week now, as the weekly run does once it is due, for tests in other packages. */
public final class TestDigests {

    private TestDigests() {
    }

    public static void make(WeeklyDigests digests, String tenant, String therapist) {
        LocalDate thisWeek = LocalDate.now(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        digests.make(tenant, therapist, thisWeek.minusWeeks(1), Instant.now());
    }
}
