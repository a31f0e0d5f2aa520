package app.steady.reminders.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReminderPlannerTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final QuietHours NIGHT = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "Europe/London,       2026-03-29", "Europe/London,       2026-10-25",
            "America/New_York,    2026-03-08", "America/New_York,    2026-11-01",
            "Australia/Sydney,    2026-04-05", "Australia/Sydney,    2026-10-04"})
    void aReminderFifteenMinutesBeforeNineStaysAtEightFortyFiveLocalOnTheDaysClocksChange(String zone, LocalDate day) {
        ZoneId zoneId = ZoneId.of(zone);
        Instant due = ZonedDateTime.ofLocal(day.atTime(9, 0), zoneId, null).toInstant();
        Boundaries boundaries = new Boundaries(zoneId, NIGHT, 6, List.of(), Set.of());

        Decision decision = ReminderPlanner.plan(ReminderKind.HOMEWORK, due.minus(Duration.ofMinutes(15)),
                due.plus(Duration.ofHours(2)), boundaries);

        assertThat(LocalDateTime.ofInstant(decision.sendAt(), zoneId)).isEqualTo(day.atTime(8, 45));
    }

    @Test
    void aReminderInQuietHoursAcrossMidnightMovesToTheirEnd() {
        Instant intended = local("2026-06-01T23:30");
        Decision decision = ReminderPlanner.plan(ReminderKind.HOMEWORK, intended, local("2026-06-02T12:00"), night());
        assertThat(decision.sendAt()).isEqualTo(local("2026-06-02T07:00"));
        Decision earlyMorning = ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-06-02T05:00"),
                local("2026-06-02T12:00"), night());
        assertThat(earlyMorning.sendAt()).isEqualTo(local("2026-06-02T07:00"));
    }

    @Test
    void quietHoursEndAtSevenLocalAlsoOnTheNightTheClocksGoForward() {
        Decision decision = ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-03-28T23:00"),
                local("2026-03-29T12:00"), night());
        assertThat(LocalDateTime.ofInstant(decision.sendAt(), LONDON)).isEqualTo(LocalDateTime.parse("2026-03-29T07:00"));
        assertThat(decision.sendAt()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void aReminderWhoseWindowClosesBeforeQuietHoursEndIsSuppressed() {
        Decision decision = ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-06-01T22:15"),
                local("2026-06-01T23:59"), night());
        assertThat(decision.suppressed()).isEqualTo(SuppressionReason.QUIET_HOURS);
    }

    @Test
    void daytimeQuietHoursDoNotSpanMidnight() {
        Boundaries lunch = new Boundaries(LONDON, new QuietHours(LocalTime.of(13, 0), LocalTime.of(14, 0)), 6, List.of(), Set.of());
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-06-01T13:30"), null, lunch).sendAt())
                .isEqualTo(local("2026-06-01T14:00"));
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-06-01T23:30"), null, lunch).sendAt())
                .isEqualTo(local("2026-06-01T23:30"));
    }

    @Test
    void optedOutKindsAndPausedDaysAreSuppressed() {
        Boundaries boundaries = new Boundaries(LONDON, null, 6,
                List.of(new PausedPeriod(LocalDate.parse("2026-08-01"), LocalDate.parse("2026-08-14"))),
                Set.of(ReminderKind.HOMEWORK_FOLLOW_UP));
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK_FOLLOW_UP, local("2026-06-01T10:00"), null, boundaries)
                .suppressed()).isEqualTo(SuppressionReason.OPTED_OUT);
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-08-14T10:00"), null, boundaries)
                .suppressed()).isEqualTo(SuppressionReason.PAUSED);
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-08-15T10:00"), null, boundaries)
                .isSuppressed()).isFalse();
    }

    @Test
    void theDailyCapStopsTheNextReminder() {
        Boundaries three = new Boundaries(LONDON, null, 3, List.of(), Set.of());
        assertThat(ReminderPlanner.atDispatch(ReminderKind.HOMEWORK, local("2026-06-01T10:00"), null, three, 2)
                .isSuppressed()).isFalse();
        assertThat(ReminderPlanner.atDispatch(ReminderKind.HOMEWORK, local("2026-06-01T10:00"), null, three, 3)
                .suppressed()).isEqualTo(SuppressionReason.DAILY_CAP);
    }

    @Test
    void afterDowntimeAnOverdueReminderGoesOutNextMorningIfItsWindowIsStillOpenNeverAtNight() {
        Instant backAtNight = local("2026-06-02T02:00");
        Decision stillOpen = ReminderPlanner.atDispatch(ReminderKind.HOMEWORK, backAtNight, local("2026-06-02T12:00"), night(), 0);
        assertThat(stillOpen.sendAt()).isEqualTo(local("2026-06-02T07:00"));
        Decision closed = ReminderPlanner.atDispatch(ReminderKind.HOMEWORK, backAtNight, local("2026-06-02T01:00"), night(), 0);
        assertThat(closed.suppressed()).isEqualTo(SuppressionReason.WINDOW_CLOSED);
        Decision closesAtNight = ReminderPlanner.atDispatch(ReminderKind.HOMEWORK, backAtNight, local("2026-06-02T05:00"), night(), 0);
        assertThat(closesAtNight.suppressed()).isEqualTo(SuppressionReason.QUIET_HOURS);
    }

    @Test
    void aSelfCarePromptWaitsForTheEndOfDefaultNightQuietHoursWhenTheClientSetNone() {
        Boundaries noQuietHours = Boundaries.defaultsIn(LONDON);
        Decision atNight = ReminderPlanner.plan(ReminderKind.SELF_CARE, local("2026-06-01T23:30"),
                local("2026-06-02T23:30"), noQuietHours);
        assertThat(atNight.sendAt()).isEqualTo(local("2026-06-02T07:00"));
        Decision atDispatch = ReminderPlanner.atDispatch(ReminderKind.SELF_CARE, local("2026-06-02T06:59"),
                local("2026-06-02T23:30"), noQuietHours, 0);
        assertThat(atDispatch.sendAt()).isEqualTo(local("2026-06-02T07:00"));
        assertThat(ReminderPlanner.plan(ReminderKind.SELF_CARE, local("2026-06-01T21:59"), null, noQuietHours).sendAt())
                .isEqualTo(local("2026-06-01T21:59"));
    }

    @Test
    void theClientsOwnQuietHoursReplaceTheDefaultNightForSelfCare() {
        Boundaries lateOwl = new Boundaries(LONDON, new QuietHours(LocalTime.of(2, 0), LocalTime.of(10, 0)), 6, List.of(), Set.of());
        assertThat(ReminderPlanner.plan(ReminderKind.SELF_CARE, local("2026-06-01T23:30"), null, lateOwl).sendAt())
                .isEqualTo(local("2026-06-01T23:30"));
        assertThat(ReminderPlanner.plan(ReminderKind.SELF_CARE, local("2026-06-02T08:00"), null, lateOwl).sendAt())
                .isEqualTo(local("2026-06-02T10:00"));
    }

    @Test
    void homeworkRemindersKeepNoQuietHoursWhenTheClientSetNone() {
        assertThat(ReminderPlanner.plan(ReminderKind.HOMEWORK, local("2026-06-01T23:30"), null, Boundaries.defaultsIn(LONDON))
                .sendAt()).isEqualTo(local("2026-06-01T23:30"));
    }

    static Boundaries night() {
        return new Boundaries(LONDON, NIGHT, 6, List.of(), Set.of());
    }

    static Instant local(String localDateTime) {
        return ZonedDateTime.ofLocal(LocalDateTime.parse(localDateTime), LONDON, null).toInstant();
    }
}
