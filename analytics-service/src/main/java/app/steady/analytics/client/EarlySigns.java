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
 * Finds early signs of distress in a client's record right after an event changed it. Each sign belongs to an
 * episode (the assessment that showed it, the first day or occurrence of a run), so one episode raises one flag.
 */
final class EarlySigns {

    static final int MISSED_RUN = 3;
    static final int LOW_MOOD_DAYS = 3;
    static final double LOW_MOOD_POINTS = 2.0;
    static final int BASELINE_DAYS = 14;
    static final int MIN_BASELINE_ENTRIES = 5;

    private EarlySigns() {
    }

    static List<FlagCandidate> afterAssessment(ClientRecord record, ClientRecord.AssessmentPoint latest) {
        List<FlagCandidate> signs = new ArrayList<>();
        if (latest.safetySignal()) {
            signs.add(new FlagCandidate(FlagKind.SAFETY_ITEM, latest.assessmentId(),
                    List.of("PHQ-9 item 9 (thoughts of self-harm) answered 1 or more",
                            latest.measure() + " total " + latest.total() + " (" + latest.band() + ")"), latest.at()));
        }
        Optional<OutcomeMeasure> measure = OutcomeMeasure.ofCode(latest.measure());
        List<ClientRecord.AssessmentPoint> series = record.assessments().stream()
                .filter(a -> a.measure().equals(latest.measure())).toList();
        if (measure.isPresent() && series.size() >= 2) {
            int baseline = series.get(0).total();
            int index = series.indexOf(latest);
            boolean deterioratedNow = deteriorated(measure.get(), baseline, latest.total());
            boolean deterioratedBefore = index > 1 && deteriorated(measure.get(), baseline, series.get(index - 1).total());
            if (deterioratedNow && !deterioratedBefore) {
                signs.add(new FlagCandidate(FlagKind.RELIABLE_DETERIORATION, latest.assessmentId(),
                        List.of(latest.measure() + " rose from " + baseline + " at baseline to " + latest.total()
                                + " (reliable change is " + measure.get().reliableChange() + " points or more)"),
                        latest.at()));
            }
        }
        return signs;
    }

    /** A run of missed occurrences: raised when the run reaches {@value #MISSED_RUN}, its first miss is the episode. */
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
     * Mood well below the client's own baseline (the mean of their first {@value #BASELINE_DAYS} days, with at least
     * {@value #MIN_BASELINE_ENTRIES} days logged): the last {@value #LOW_MOOD_DAYS} logged days each
     * {@value #LOW_MOOD_POINTS} points or more below it. The first low day is the episode.
     */
    static List<FlagCandidate> afterMood(ClientRecord record, Instant at) {
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
        if (run != LOW_MOOD_DAYS) {
            return List.of();
        }
        LocalDate firstLow = after.get(after.size() - run).getKey();
        return List.of(new FlagCandidate(FlagKind.LOW_MOOD, firstLow.toString(),
                List.of("mood " + LOW_MOOD_POINTS + "+ points below baseline " + Math.round(baseline * 10) / 10.0
                        + " on " + run + " logged days since " + firstLow), at));
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
