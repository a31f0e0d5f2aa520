package app.steady.analytics.client;

import app.steady.analytics.clinical.OutcomeMeasure;
import app.steady.analytics.clinical.ReliableChange;
import app.steady.analytics.flags.FlagCandidate;
import app.steady.analytics.flags.FlagKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds early signs of distress in a client's record right after an event changed it. Each sign has a stable source key
 * (the assessment that showed it, the first missed occurrence of a run, the first low day of a run), so the same sign
 * found again is recognised as done.
 */
final class EarlySigns {

    static final int MISSED_RUN = 3;
    /** Low mood: this many logged days in a row (days without a log are gaps, neither low nor a break) ... */
    static final int LOW_MOOD_DAYS = 3;
    /** ... each at least this many points (0–10 scale) below the client's own baseline ... */
    static final double LOW_MOOD_POINTS = 2.0;
    /** ... all within this many calendar days, ending on the newest logged day (recency: no run spread over months). */
    static final int LOW_MOOD_WINDOW_DAYS = 7;
    /** The client's own mood baseline: the mean of their first this many calendar days of logging ... */
    static final int BASELINE_DAYS = 14;
    /** ... with at least this many days logged in them. */
    static final int MIN_BASELINE_ENTRIES = 5;

    private EarlySigns() {
    }

    /**
     * After an assessment: a safety answer on it (PHQ-9 item 9 at 1 or more) is a sign whatever its total and whenever
     * it arrives. Then the NEWEST score of the measure by the time it was taken, whatever order events arrived in, is
     * checked against the baseline of the current episode (its first score): a reliable deterioration is a sign when
     * the score before it (other than the baseline) was not already reliably deteriorated.
     */
    static List<FlagCandidate> afterAssessment(ClientRecord record, ClientRecord.AssessmentPoint applied) {
        List<FlagCandidate> signs = new ArrayList<>();
        if (applied.safetySignal()) {
            signs.add(new FlagCandidate(FlagKind.SAFETY_ITEM, applied.assessmentId(),
                    List.of("PHQ-9 item 9 answered 1 or more (thoughts of self-harm)",
                            applied.measure() + " total " + applied.total() + " (" + applied.band() + ")"), applied.at()));
        }
        Optional<OutcomeMeasure> measure = OutcomeMeasure.ofCode(applied.measure());
        List<ClientRecord.AssessmentPoint> series = record.scoresIn(record.currentEpisode(), applied.measure());
        if (measure.isPresent() && series.size() >= 2) {
            int baseline = series.get(0).total();
            ClientRecord.AssessmentPoint newest = series.get(series.size() - 1);
            boolean deterioratedNow = deteriorated(measure.get(), baseline, newest.total());
            boolean deterioratedBefore = series.size() > 2 && deteriorated(measure.get(), baseline, series.get(series.size() - 2).total());
            if (deterioratedNow && !deterioratedBefore) {
                signs.add(new FlagCandidate(FlagKind.RELIABLE_DETERIORATION, newest.assessmentId(),
                        List.of(newest.measure() + " rose from " + baseline + " at the episode's baseline to " + newest.total()
                                + " (reliable change is " + measure.get().reliableChange() + " points or more)"),
                        newest.at()));
            }
        }
        return signs;
    }

    /** A run of missed occurrences: a sign when the run reaches {@value #MISSED_RUN}; its first miss is the source key. */
    static List<FlagCandidate> afterHomework(ClientRecord record) {
        List<Map.Entry<String, ClientRecord.HomeworkOutcome>> byDue = record.homework().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().dueAt())).toList();
        int run = 0;
        for (int i = byDue.size() - 1; i >= 0 && "MISSED".equals(byDue.get(i).getValue().state()); i--) {
            run++;
        }
        if (run != MISSED_RUN) {
            return List.of();
        }
        Map.Entry<String, ClientRecord.HomeworkOutcome> first = byDue.get(byDue.size() - run);
        return List.of(new FlagCandidate(FlagKind.MISSED_HOMEWORK, first.getKey(),
                List.of(run + " homework occurrences missed in a row since " + first.getValue().dueAt()),
                byDue.get(byDue.size() - 1).getValue().at()));
    }

    /**
     * Mood well below the client's own baseline (the mean of their first {@value #BASELINE_DAYS} calendar days of logging,
     * with at least {@value #MIN_BASELINE_ENTRIES} days logged): the last {@value #LOW_MOOD_DAYS} logged days after the
     * baseline each {@value #LOW_MOOD_POINTS} points or more below it, all within {@value #LOW_MOOD_WINDOW_DAYS} calendar
     * days, the day just logged among them. Unlogged days are gaps. The first low logged day of the run is the source key,
     * so a run is one sign however long it lasts.
     */
    static List<FlagCandidate> afterMood(ClientRecord record, LocalDate loggedDay, Instant at) {
        TreeMap<LocalDate, Double> daily = dailyMeans(record);
        if (daily.isEmpty()) {
            return List.of();
        }
        LocalDate baselineEnd = daily.firstKey().plusDays(BASELINE_DAYS);
        List<Double> baselineDays = daily.headMap(baselineEnd).values().stream().toList();
        if (baselineDays.size() < MIN_BASELINE_ENTRIES || !daily.lastKey().isAfter(baselineEnd)) {
            return List.of();
        }
        double baseline = baselineDays.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        List<Map.Entry<LocalDate, Double>> after = new ArrayList<>(daily.tailMap(baselineEnd).entrySet());
        int run = 0;
        for (int i = after.size() - 1; i >= 0 && after.get(i).getValue() <= baseline - LOW_MOOD_POINTS; i--) {
            run++;
        }
        if (run < LOW_MOOD_DAYS) {
            return List.of();
        }
        List<LocalDate> lastDays = after.subList(after.size() - LOW_MOOD_DAYS, after.size()).stream().map(Map.Entry::getKey).toList();
        LocalDate newest = lastDays.get(lastDays.size() - 1);
        if (!lastDays.contains(loggedDay) || lastDays.get(0).isBefore(newest.minusDays(LOW_MOOD_WINDOW_DAYS - 1))) {
            return List.of();
        }
        LocalDate firstLow = after.get(after.size() - run).getKey();
        return List.of(new FlagCandidate(FlagKind.LOW_MOOD, firstLow.toString(),
                List.of("mood " + LOW_MOOD_POINTS + "+ points below baseline " + Math.round(baseline * 10) / 10.0
                        + " on the last " + LOW_MOOD_DAYS + " logged days, up to " + newest), at));
    }

    static TreeMap<LocalDate, Double> dailyMeans(ClientRecord record) {
        TreeMap<LocalDate, Double> daily = new TreeMap<>();
        record.moodByDay().forEach((day, mood) -> daily.put(LocalDate.parse(day), mood.mean()));
        return daily;
    }

    private static boolean deteriorated(OutcomeMeasure measure, int baseline, int total) {
        return ReliableChange.outcome(measure, baseline, total) == ReliableChange.Outcome.RELIABLY_DETERIORATED;
    }
}
