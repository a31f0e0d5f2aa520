package app.steady.homework.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OccurrenceCalculatorTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");
    private static final Duration TWO_HOURS = Duration.ofHours(2);

    // --- Daylight saving: a daily 09:00 keeps its local time, so its UTC instant moves by an hour ---

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheSpringForwardInLondon() {
        assertNineAmAcross(LONDON, "2026-03-29", "2026-03-28T09:00:00Z", "2026-03-29T08:00:00Z");
    }

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheFallBackInLondon() {
        assertNineAmAcross(LONDON, "2026-10-25", "2026-10-24T08:00:00Z", "2026-10-25T09:00:00Z");
    }

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheSpringForwardInNewYork() {
        assertNineAmAcross(NEW_YORK, "2026-03-08", "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z");
    }

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheFallBackInNewYork() {
        assertNineAmAcross(NEW_YORK, "2026-11-01", "2026-10-31T13:00:00Z", "2026-11-01T14:00:00Z");
    }

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheFallBackInSydney() {
        // Sydney's clocks go back on the first Sunday of April: +11:00 before, +10:00 after.
        assertNineAmAcross(SYDNEY, "2026-04-05", "2026-04-03T22:00:00Z", "2026-04-04T23:00:00Z");
    }

    @Test
    void dailyNineAmStaysNineAmLocalAcrossTheSpringForwardInSydney() {
        // Sydney's clocks go forward on the first Sunday of October: +10:00 before, +11:00 after.
        assertNineAmAcross(SYDNEY, "2026-10-04", "2026-10-02T23:00:00Z", "2026-10-03T22:00:00Z");
    }

    // --- Daylight saving: a time in the spring-forward gap moves later by the gap, that day only ---

    @Test
    void oneThirtyInLondonsGapIsDueAtTwoThirtyLocalOnTheSpringForwardDayOnly() {
        // London's gap is 01:00–02:00 local, so 02:30 exists there and 01:30 is the time that moves.
        assertGapShift(LONDON, "2026-03-29", "01:30", "02:30", "2026-03-29T01:30:00Z");
    }

    @Test
    void twoThirtyInNewYorksGapIsDueAtThreeThirtyLocalOnTheSpringForwardDayOnly() {
        assertGapShift(NEW_YORK, "2026-03-08", "02:30", "03:30", "2026-03-08T07:30:00Z");
    }

    @Test
    void twoThirtyInSydneysGapIsDueAtThreeThirtyLocalOnTheSpringForwardDayOnly() {
        assertGapShift(SYDNEY, "2026-10-04", "02:30", "03:30", "2026-10-03T16:30:00Z");
    }

    // --- Daylight saving: a time in the fall-back overlap happens once, at the earlier instant ---

    @Test
    void oneThirtyOnLondonsFallBackDayHappensOnceAtTheSummerTimeOffset() {
        assertOverlapOnce(LONDON, "2026-10-25", "01:30", "2026-10-25T00:30:00Z");
    }

    @Test
    void oneThirtyOnNewYorksFallBackDayHappensOnceAtTheDaylightTimeOffset() {
        assertOverlapOnce(NEW_YORK, "2026-11-01", "01:30", "2026-11-01T05:30:00Z");
    }

    @Test
    void twoThirtyOnSydneysFallBackDayHappensOnceAtTheDaylightTimeOffset() {
        assertOverlapOnce(SYDNEY, "2026-04-05", "02:30", "2026-04-04T15:30:00Z");
    }

    @Test
    void aGapShiftCanOvertakeALaterTimeOfTheSameDaySoOccurrencesStaySortedByDueInstant() {
        Schedule schedule = daily(NEW_YORK, "2026-03-01", "02:30", "03:15");

        List<PlannedOccurrence> onSpringForwardDay = between(schedule, NEW_YORK, "2026-03-08", "2026-03-09");

        assertThat(onSpringForwardDay).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-03-08T03:15", "2026-03-08T02:30");
    }

    // --- Recurrence rules ---

    @Test
    void chosenWeekdaysProduceOnlyMondaysWednesdaysAndFridays() {
        Schedule schedule = new Schedule(Recurrence.WEEKDAYS, date("2026-01-01"), null, times("18:00"),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 1, LONDON, TWO_HOURS);

        List<PlannedOccurrence> twoWeeks = between(schedule, LONDON, "2026-01-05", "2026-01-19");

        assertThat(twoWeeks).extracting(o -> o.dueLocal().toLocalDate().getDayOfWeek())
                .containsOnly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(twoWeeks).extracting(PlannedOccurrence::occurrenceId).containsExactly(
                "2026-01-05T18:00", "2026-01-07T18:00", "2026-01-09T18:00",
                "2026-01-12T18:00", "2026-01-14T18:00", "2026-01-16T18:00");
    }

    @Test
    void severalTimesADayOverTwoDaysGiveSixOccurrencesInOrder() {
        Schedule schedule = daily(LONDON, "2026-01-01", "20:00", "08:00", "13:00");

        assertThat(between(schedule, LONDON, "2026-02-02", "2026-02-04"))
                .extracting(PlannedOccurrence::occurrenceId).containsExactly(
                        "2026-02-02T08:00", "2026-02-02T13:00", "2026-02-02T20:00",
                        "2026-02-03T08:00", "2026-02-03T13:00", "2026-02-03T20:00");
    }

    @Test
    void everyThreeDaysCountsFromTheStartDateEvenWhenTheRangeStartsLater() {
        Schedule schedule = new Schedule(Recurrence.EVERY_N_DAYS, date("2026-01-01"), null, times("09:00"),
                Set.of(), 3, LONDON, TWO_HOURS);

        assertThat(between(schedule, LONDON, "2026-01-01", "2026-01-11")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-01-01T09:00", "2026-01-04T09:00", "2026-01-07T09:00", "2026-01-10T09:00");
        assertThat(between(schedule, LONDON, "2026-01-20", "2026-02-01")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-01-22T09:00", "2026-01-25T09:00", "2026-01-28T09:00", "2026-01-31T09:00");
    }

    @Test
    void everyOtherWeekFallsOnTheStartDatesWeekdayEveryFourteenDays() {
        // 2026-01-06 is a Tuesday.
        Schedule schedule = new Schedule(Recurrence.WEEKLY, date("2026-01-06"), null, times("17:00"),
                Set.of(), 2, NEW_YORK, TWO_HOURS);

        assertThat(between(schedule, NEW_YORK, "2026-01-01", "2026-02-15")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-01-06T17:00", "2026-01-20T17:00", "2026-02-03T17:00");
    }

    @Test
    void aSchedulesYearsOldStartDateDoesNotChangeWhichDaysAreDue() {
        Schedule schedule = new Schedule(Recurrence.EVERY_N_DAYS, date("1990-01-01"), null, times("09:00"),
                Set.of(), 7, LONDON, TWO_HOURS);

        // 1990-01-01 was a Monday and every 7th day after it is one too.
        assertThat(between(schedule, LONDON, "2026-01-01", "2026-01-15"))
                .extracting(o -> o.dueLocal().toLocalDate())
                .containsExactly(date("2026-01-05"), date("2026-01-12"));
    }

    @Test
    void onceIsDueOnlyOnTheStartDateAtEachOfItsTimes() {
        Schedule schedule = new Schedule(Recurrence.ONCE, date("2026-05-12"), null, times("10:00", "15:00"),
                Set.of(), 1, LONDON, TWO_HOURS);

        assertThat(between(schedule, LONDON, "2026-01-01", "2027-01-01")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-05-12T10:00", "2026-05-12T15:00");
    }

    @Test
    void theEndDateIsInclusiveAndNothingIsDueAfterIt() {
        Schedule schedule = new Schedule(Recurrence.DAILY, date("2026-06-01"), date("2026-06-03"), times("21:00"),
                Set.of(), 1, LONDON, TWO_HOURS);

        assertThat(between(schedule, LONDON, "2026-05-01", "2026-07-01")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-06-01T21:00", "2026-06-02T21:00", "2026-06-03T21:00");
    }

    @Test
    void betweenIncludesAnOccurrenceDueAtFromAndExcludesOneDueAtTo() {
        Schedule schedule = daily(LONDON, "2026-01-01", "09:00");
        Instant nineOnTheFifth = Instant.parse("2026-01-05T09:00:00Z");
        Instant nineOnTheSixth = Instant.parse("2026-01-06T09:00:00Z");

        assertThat(OccurrenceCalculator.between(schedule, nineOnTheFifth, nineOnTheSixth))
                .extracting(PlannedOccurrence::dueAt).containsExactly(nineOnTheFifth);
        assertThat(OccurrenceCalculator.between(schedule, nineOnTheSixth, nineOnTheFifth)).isEmpty();
    }

    @Test
    void nothingIsDueBeforeTheStartDate() {
        Schedule schedule = daily(LONDON, "2026-03-10", "09:00");

        assertThat(between(schedule, LONDON, "2026-03-01", "2026-03-11")).extracting(PlannedOccurrence::occurrenceId)
                .containsExactly("2026-03-10T09:00");
    }

    // --- Completion window ---

    @Test
    void aCompletionWindowCanCrossMidnight() {
        Schedule schedule = new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("22:00"), Set.of(), 1,
                NEW_YORK, Duration.ofHours(3));

        PlannedOccurrence lateEvening = OccurrenceCalculator.find(schedule, "2026-01-10T22:00").orElseThrow();

        assertThat(lateEvening.windowClosesAt().atZone(NEW_YORK).toLocalDateTime())
                .isEqualTo(LocalDateTime.parse("2026-01-11T01:00"));
    }

    @Test
    void theCompletionWindowIsElapsedTimeSoItEndsAnHourLaterLocalAcrossTheSpringForward() {
        Schedule schedule = new Schedule(Recurrence.DAILY, date("2026-03-01"), null, times("00:30"), Set.of(), 1,
                LONDON, Duration.ofHours(3));

        PlannedOccurrence springForwardNight = OccurrenceCalculator.find(schedule, "2026-03-29T00:30").orElseThrow();

        assertThat(Duration.between(springForwardNight.dueAt(), springForwardNight.windowClosesAt()))
                .isEqualTo(Duration.ofHours(3));
        assertThat(springForwardNight.windowClosesAt().atZone(LONDON).toLocalTime()).isEqualTo(LocalTime.of(4, 30));
    }

    // --- Finding an occurrence by id ---

    @Test
    void findReturnsTheOccurrenceForAScheduledDateAndTime() {
        Schedule schedule = daily(LONDON, "2026-01-01", "08:00", "20:00");

        assertThat(OccurrenceCalculator.find(schedule, "2026-07-01T20:00")).hasValueSatisfying(occurrence -> {
            assertThat(occurrence.occurrenceId()).isEqualTo("2026-07-01T20:00");
            assertThat(occurrence.dueAt()).isEqualTo(Instant.parse("2026-07-01T19:00:00Z"));
            assertThat(occurrence.dueLocal()).isEqualTo(LocalDateTime.parse("2026-07-01T20:00"));
            assertThat(occurrence.windowClosesAt()).isEqualTo(Instant.parse("2026-07-01T21:00:00Z"));
        });
    }

    @Test
    void findKeepsTheScheduledTimeInTheIdButShowsTheShiftedTimeAsDueLocal() {
        Schedule schedule = daily(NEW_YORK, "2026-03-01", "02:30");

        assertThat(OccurrenceCalculator.find(schedule, "2026-03-08T02:30")).hasValueSatisfying(occurrence -> {
            assertThat(occurrence.dueLocal()).isEqualTo(LocalDateTime.parse("2026-03-08T03:30"));
            assertThat(occurrence.dueAt()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        });
        assertThat(OccurrenceCalculator.find(schedule, "2026-03-08T03:30")).isEmpty();
    }

    @Test
    void findAgreesWithBetween() {
        Schedule schedule = daily(SYDNEY, "2026-09-30", "02:30", "09:00");

        for (PlannedOccurrence occurrence : between(schedule, SYDNEY, "2026-10-01", "2026-10-08")) {
            assertThat(OccurrenceCalculator.find(schedule, occurrence.occurrenceId())).contains(occurrence);
        }
    }

    @Test
    void findIsEmptyOnADayTheScheduleSkips() {
        Schedule schedule = new Schedule(Recurrence.WEEKDAYS, date("2026-01-01"), null, times("18:00"),
                EnumSet.of(DayOfWeek.MONDAY), 1, LONDON, TWO_HOURS);

        assertThat(OccurrenceCalculator.find(schedule, "2026-01-05T18:00")).isPresent(); // a Monday
        assertThat(OccurrenceCalculator.find(schedule, "2026-01-06T18:00")).isEmpty(); // a Tuesday
        assertThat(OccurrenceCalculator.find(schedule, "2026-01-05T19:00")).isEmpty(); // not one of its times
        assertThat(OccurrenceCalculator.find(schedule, "2025-12-29T18:00")).isEmpty(); // before the start date
    }

    @Test
    void findIsEmptyForAMalformedId() {
        Schedule schedule = daily(LONDON, "2026-01-01", "09:00");

        for (String malformed : Arrays.asList(null, "", "tomorrow", "2026-01-05", "2026-01-05T9:00",
                "2026-01-05T09:00:00", "2026-02-30T09:00", "2026-01-05 09:00", " 2026-01-05T09:00")) {
            assertThat(OccurrenceCalculator.find(schedule, malformed)).as("id %s", malformed).isEmpty();
        }
    }

    @Test
    void editingAScheduleThatKeepsTheLocalTimeKeepsTheOccurrenceIds() {
        Schedule before = daily(LONDON, "2026-01-01", "09:00");
        Schedule after = new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00", "21:00"),
                Set.of(), 1, LONDON, Duration.ofHours(5));

        assertThat(OccurrenceCalculator.find(after, "2026-02-10T09:00").orElseThrow().dueAt())
                .isEqualTo(OccurrenceCalculator.find(before, "2026-02-10T09:00").orElseThrow().dueAt());
    }

    // --- Validation ---

    @Test
    void timesAreSortedAndCopiedDefensively() {
        List<LocalTime> times = new ArrayList<>(times("20:00", "08:00"));
        Schedule schedule = new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times, null, 1, LONDON,
                TWO_HOURS);
        times.add(LocalTime.NOON);

        assertThat(schedule.times()).containsExactly(LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertThat(schedule.daysOfWeek()).isEmpty();
        assertThatThrownBy(() -> schedule.times().add(LocalTime.NOON)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void invalidSchedulesAreRefusedNamingTheField() {
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, List.of(), Set.of(), 1,
                LONDON, TWO_HOURS), "times: between 1 and 12 local times");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, thirteenTimes(), Set.of(), 1,
                LONDON, TWO_HOURS), "times: between 1 and 12 local times");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00", "09:00"),
                Set.of(), 1, LONDON, TWO_HOURS), "times: 09:00 given twice");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null,
                List.of(LocalTime.of(9, 0, 30)), Set.of(), 1, LONDON, TWO_HOURS), "times: whole minutes only");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-10"), date("2026-01-09"), times("09:00"),
                Set.of(), 1, LONDON, TWO_HOURS), "endDate: before startDate");
        assertRefused(() -> new Schedule(Recurrence.WEEKDAYS, date("2026-01-01"), null, times("09:00"),
                Set.of(), 1, LONDON, TWO_HOURS), "daysOfWeek: required for WEEKDAYS");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"),
                Set.of(DayOfWeek.MONDAY), 1, LONDON, TWO_HOURS), "daysOfWeek: only for WEEKDAYS");
        assertRefused(() -> new Schedule(Recurrence.EVERY_N_DAYS, date("2026-01-01"), null, times("09:00"),
                Set.of(), 0, LONDON, TWO_HOURS), "interval: at least 1");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"),
                Set.of(), 2, LONDON, TWO_HOURS), "interval: must be 1 unless WEEKLY or EVERY_N_DAYS");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"),
                Set.of(), 1, null, TWO_HOURS), "timeZone: required");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"),
                Set.of(), 1, LONDON, Duration.ZERO), "completionWindow: more than 0 and at most 24 hours");
        assertRefused(() -> new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"),
                Set.of(), 1, LONDON, Duration.ofHours(24).plusMinutes(1)),
                "completionWindow: more than 0 and at most 24 hours");
        assertRefused(() -> new Schedule(null, date("2026-01-01"), null, times("09:00"),
                Set.of(), 1, LONDON, TWO_HOURS), "recurrence: required");
        assertRefused(() -> new Schedule(Recurrence.DAILY, null, null, times("09:00"),
                Set.of(), 1, LONDON, TWO_HOURS), "startDate: required");
    }

    @Test
    void aFullDayCompletionWindowIsAllowed() {
        Schedule schedule = new Schedule(Recurrence.DAILY, date("2026-01-01"), null, times("09:00"), Set.of(), 1,
                LONDON, Duration.ofHours(24));

        assertThat(schedule.completionWindow()).isEqualTo(Duration.ofHours(24));
    }

    // --- Helpers ---

    private static void assertNineAmAcross(ZoneId zone, String changeDay, String dayBeforeUtc, String changeDayUtc) {
        Schedule schedule = daily(zone, "2026-01-01", "09:00");
        LocalDate change = date(changeDay);

        List<PlannedOccurrence> around = between(schedule, zone, change.minusDays(1).toString(),
                change.plusDays(1).toString());

        assertThat(around).extracting(PlannedOccurrence::dueLocal).containsExactly(
                change.minusDays(1).atTime(9, 0), change.atTime(9, 0));
        assertThat(around).extracting(PlannedOccurrence::dueAt).containsExactly(
                Instant.parse(dayBeforeUtc), Instant.parse(changeDayUtc));
    }

    private static void assertGapShift(ZoneId zone, String changeDay, String scheduled, String shifted,
            String shiftedUtc) {
        Schedule schedule = daily(zone, "2026-01-01", scheduled);
        LocalDate change = date(changeDay);

        List<PlannedOccurrence> around = between(schedule, zone, change.minusDays(1).toString(),
                change.plusDays(2).toString());

        assertThat(around).extracting(PlannedOccurrence::occurrenceId).containsExactly(
                change.minusDays(1) + "T" + scheduled, change + "T" + scheduled, change.plusDays(1) + "T" + scheduled);
        assertThat(around).extracting(PlannedOccurrence::dueLocal).containsExactly(
                change.minusDays(1).atTime(LocalTime.parse(scheduled)),
                change.atTime(LocalTime.parse(shifted)),
                change.plusDays(1).atTime(LocalTime.parse(scheduled)));
        assertThat(around.get(1).dueAt()).isEqualTo(Instant.parse(shiftedUtc));
    }

    private static void assertOverlapOnce(ZoneId zone, String changeDay, String twiceShownTime, String earlierUtc) {
        Schedule schedule = daily(zone, "2026-01-01", twiceShownTime);

        List<PlannedOccurrence> onChangeDay = between(schedule, zone, changeDay, date(changeDay).plusDays(1).toString());

        assertThat(onChangeDay).singleElement().satisfies(occurrence -> {
            assertThat(occurrence.dueAt()).isEqualTo(Instant.parse(earlierUtc));
            assertThat(occurrence.dueLocal()).isEqualTo(date(changeDay).atTime(LocalTime.parse(twiceShownTime)));
            assertThat(occurrence.occurrenceId()).isEqualTo(changeDay + "T" + twiceShownTime);
        });
    }

    private static void assertRefused(Runnable construction, String message) {
        assertThatThrownBy(construction::run).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
    }

    /** Occurrences due from the start of {@code fromDay} to the start of {@code toDay}, local to {@code zone}. */
    private static List<PlannedOccurrence> between(Schedule schedule, ZoneId zone, String fromDay, String toDay) {
        return OccurrenceCalculator.between(schedule, date(fromDay).atStartOfDay(zone).toInstant(),
                date(toDay).atStartOfDay(zone).toInstant());
    }

    private static Schedule daily(ZoneId zone, String startDate, String... times) {
        return new Schedule(Recurrence.DAILY, date(startDate), null, times(times), Set.of(), 1, zone, TWO_HOURS);
    }

    private static List<LocalTime> times(String... times) {
        return Arrays.stream(times).map(LocalTime::parse).toList();
    }

    private static List<LocalTime> thirteenTimes() {
        List<LocalTime> times = new ArrayList<>();
        for (int hour = 8; hour <= 20; hour++) {
            times.add(LocalTime.of(hour, 0));
        }
        return times;
    }

    private static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }
}
