package app.steady.analytics.client;

import app.steady.analytics.clinical.AdherenceDecay;
import app.steady.analytics.clinical.EpisodeOutcome;
import app.steady.analytics.clinical.MoodSignals;
import app.steady.analytics.clinical.OutcomeMeasure;
import app.steady.analytics.clinical.ReliableChange;
import app.steady.analytics.flags.RiskFlag;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A client's analytics as the therapist sees them, and a short, explainable status: NEEDS_ATTENTION, IMPROVING or
 * STEADY, with the facts behind it. Pure computation over the record, the goal counts and the open flags.
 */
public final class ClientInsights {

    private ClientInsights() {
    }

    public enum Status {
        NEEDS_ATTENTION, IMPROVING, STEADY
    }

    /**
     * {@code trendAgainstEarlierWeeks}: the last 7 days' completion rate minus that of the 3 weeks before (positive:
     * practising more than before).
     */
    public record Adherence(Double last7Days, Double last28Days, Double onTimeRate, int currentStreakDays,
                            int bestStreakDays, Double averageHelpfulness, Double averageTherapistQuality,
                            Double trendAgainstEarlierWeeks, int due28Days) {
    }

    public record Mood(Double last7DayMean, Double baselineMean, Double changeFromBaseline, List<DayPoint> daily,
                       MoodSignals.Trends earlyWarningContext) {
    }

    public record DayPoint(LocalDate day, double mood) {
    }

    public record MeasureOutcome(String measure, int baseline, int latest, String latestBand,
                                 ReliableChange.Outcome outcome, Boolean response, Boolean remission,
                                 List<ScorePoint> trajectory) {
    }

    public record ScorePoint(Instant at, int total, String band) {
    }

    /**
     * {@code outcomes} per measure and {@code episodeOutcome} are measured in the current {@code episode} of care, from
     * its first score; {@code daysSinceLastActivity} counts calendar days (UTC); {@code adherenceDecay} (null until there
     * are enough weeks) compares the fall of weekly homework completion in the episode with the expected 1–2 points a
     * week ({@link AdherenceDecay}).
     */
    public record Summary(String clientId, Status status, List<String> because, Adherence adherence, Mood mood,
                          List<MeasureOutcome> outcomes, Long daysSinceLastActivity, long openFlags,
                          boolean highPriorityFlag, List<WeekPoint> weeklyAdherence, Episode episode,
                          EpisodeOutcome episodeOutcome, AdherenceDecay.Decay adherenceDecay) {
    }

    /** Share of the homework due in the week starting {@code weekStarting} (Monday, UTC) that was completed. */
    public record WeekPoint(LocalDate weekStarting, double completed, int due) {
    }

    public static Summary summarize(ClientRecord record, List<RiskFlag> flags, Instant now) {
        Adherence adherence = adherence(record, now);
        Mood mood = mood(record, now);
        List<MeasureOutcome> outcomes = outcomes(record);
        List<RiskFlag> open = flags.stream().filter(RiskFlag::isOpen).toList();
        boolean high = open.stream().anyMatch(f -> f.priority().name().equals("HIGH"));
        Long idle = record.lastActivityAt() == null ? null : java.time.temporal.ChronoUnit.DAYS.between(
                record.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate(), now.atZone(ZoneOffset.UTC).toLocalDate());

        List<String> attention = new ArrayList<>();
        List<String> improving = new ArrayList<>();
        open.forEach(f -> attention.add("open " + f.priority().name().toLowerCase() + " flag: " + f.kind().name().toLowerCase().replace('_', ' ')));
        for (MeasureOutcome outcome : outcomes) {
            if (outcome.outcome() == ReliableChange.Outcome.RELIABLY_DETERIORATED) {
                attention.add(outcome.measure() + " reliably worse: " + outcome.baseline() + " to " + outcome.latest());
            } else if (outcome.outcome() == ReliableChange.Outcome.RECOVERED || outcome.outcome() == ReliableChange.Outcome.RELIABLY_IMPROVED) {
                improving.add(outcome.measure() + " " + outcome.outcome().name().toLowerCase().replace('_', ' ')
                        + ": " + outcome.baseline() + " to " + outcome.latest());
            }
        }
        if (mood.changeFromBaseline() != null && mood.changeFromBaseline() <= -2) {
            attention.add("7-day mood " + round(mood.changeFromBaseline()) + " against baseline");
        } else if (mood.changeFromBaseline() != null && mood.changeFromBaseline() >= 1) {
            improving.add("7-day mood +" + round(mood.changeFromBaseline()) + " against baseline");
        }
        if (adherence.last28Days() != null && adherence.due28Days() >= 4 && adherence.last28Days() < 0.5) {
            attention.add("homework done " + Math.round(adherence.last28Days() * 100) + "% of the last 28 days");
        }
        AdherenceDecay.Decay decay = adherenceDecay(record, now).orElse(null);
        if (decay != null && decay.worthMentioning(week(now))) {
            attention.add(decay.reason());
        }
        if (idle != null && idle >= 14) {
            attention.add("no activity for " + idle + " days");
        }
        Status status = !attention.isEmpty() ? Status.NEEDS_ATTENTION : !improving.isEmpty() ? Status.IMPROVING : Status.STEADY;
        List<String> because = status == Status.NEEDS_ATTENTION ? attention : status == Status.IMPROVING ? improving
                : List.of("no reliable change, no open flags");
        return new Summary(record.clientId(), status, because, adherence, mood, outcomes, idle, open.size(), high,
                weeklyAdherence(record, now), record.currentEpisode(), episodeOutcome(record, record.currentEpisode()).orElse(null),
                decay);
    }

    /**
     * The decay of weekly completion in the current episode (homework due up to now, by calendar week), against the
     * client's own first weeks and the expected 1–2 points a week.
     */
    static Optional<AdherenceDecay.Decay> adherenceDecay(ClientRecord record, Instant now) {
        TreeMap<LocalDate, int[]> weeks = doneAndDueByWeek(record,
                o -> !o.dueAt().isAfter(now) && record.inEpisode(record.currentEpisode(), o.dueAt()));
        return AdherenceDecay.of(weeks.entrySet().stream()
                .map(e -> new AdherenceDecay.Week(e.getKey(), e.getValue()[0], e.getValue()[1])).toList());
    }

    /** Completed and due occurrences per calendar week (Monday, UTC) of the occurrences that pass the filter. */
    static TreeMap<LocalDate, int[]> doneAndDueByWeek(ClientRecord record,
                                                      java.util.function.Predicate<ClientRecord.HomeworkOutcome> counted) {
        TreeMap<LocalDate, int[]> weeks = new TreeMap<>();
        for (ClientRecord.HomeworkOutcome outcome : record.homeworkOutcomes()) {
            if (counted.test(outcome)) {
                int[] doneAndDue = weeks.computeIfAbsent(week(outcome.dueAt()), w -> new int[2]);
                doneAndDue[1]++;
                if ("COMPLETED".equals(outcome.state())) {
                    doneAndDue[0]++;
                }
            }
        }
        return weeks;
    }

    private static LocalDate week(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().with(java.time.DayOfWeek.MONDAY);
    }

    static Adherence adherence(ClientRecord record, Instant now) {
        List<ClientRecord.HomeworkOutcome> outcomes = record.homework().values().stream()
                .sorted(Comparator.comparing(ClientRecord.HomeworkOutcome::dueAt)).toList();
        List<ClientRecord.HomeworkOutcome> last28 = within(outcomes, now, 28);
        List<ClientRecord.HomeworkOutcome> completed = outcomes.stream().filter(o -> "COMPLETED".equals(o.state())).toList();
        Double onTime = completed.isEmpty() ? null : completed.stream().filter(o -> !o.late()).count() / (double) completed.size();
        Double helpfulness = completed.stream().filter(o -> o.helpfulness() != null).mapToInt(o -> o.helpfulness())
                .average().stream().boxed().findFirst().orElse(null);
        TreeMap<LocalDate, Boolean> dayDone = new TreeMap<>();
        for (ClientRecord.HomeworkOutcome outcome : outcomes) {
            LocalDate day = outcome.dueAt().atZone(ZoneOffset.UTC).toLocalDate();
            dayDone.merge(day, "COMPLETED".equals(outcome.state()), Boolean::logicalAnd);
        }
        int best = 0;
        int run = 0;
        LocalDate previous = null;
        for (Map.Entry<LocalDate, Boolean> day : dayDone.entrySet()) {
            run = day.getValue() ? (previous != null && previous.plusDays(1).equals(day.getKey()) && run > 0 ? run + 1 : 1) : 0;
            best = Math.max(best, run);
            previous = day.getKey();
        }
        int current = dayDone.isEmpty() || previous.isBefore(now.atZone(ZoneOffset.UTC).toLocalDate().minusDays(1)) ? 0 : run;
        Double quality = completed.stream().filter(o -> o.quality() != null).mapToInt(o -> o.quality())
                .average().stream().boxed().findFirst().orElse(null);
        Double last7 = rate(within(outcomes, now, 7));
        Double before = rate(within(outcomes, now.minus(Duration.ofDays(7)), 21));
        Double trend = last7 == null || before == null ? null : round(last7 - before);
        return new Adherence(last7, rate(last28), onTime, current, best, helpfulness, quality, trend, last28.size());
    }

    /** Completion per week over the last 12 weeks, for "adherence over time". */
    static List<WeekPoint> weeklyAdherence(ClientRecord record, Instant now) {
        LocalDate thisWeek = week(now);
        return doneAndDueByWeek(record, o -> !week(o.dueAt()).isBefore(thisWeek.minusWeeks(11)) && !o.dueAt().isAfter(now))
                .entrySet().stream()
                .map(e -> new WeekPoint(e.getKey(), round(e.getValue()[0] / (double) e.getValue()[1]), e.getValue()[1]))
                .toList();
    }

    static Mood mood(ClientRecord record, Instant now) {
        TreeMap<LocalDate, Double> daily = EarlySigns.dailyMeans(record);
        if (daily.isEmpty()) {
            return new Mood(null, null, null, List.of(), null);
        }
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        Double last7 = average(daily.tailMap(today.minusDays(6)).values().stream().toList());
        LocalDate baselineEnd = daily.firstKey().plusDays(EarlySigns.BASELINE_DAYS);
        Double baseline = daily.lastKey().isAfter(baselineEnd) ? average(daily.headMap(baselineEnd).values().stream().toList()) : null;
        Double change = last7 == null || baseline == null ? null : last7 - baseline;
        List<DayPoint> series = daily.tailMap(today.minusDays(90)).entrySet().stream()
                .map(e -> new DayPoint(e.getKey(), round(e.getValue()))).toList();
        return new Mood(last7 == null ? null : round(last7), baseline == null ? null : round(baseline),
                change == null ? null : round(change), series, MoodSignals.trends(daily).orElse(null));
    }

    /**
     * Per measure, from the first score of the current episode to the newest by time; the category, response and remission
     * only with two scores in the episode, response and remission only from a PHQ-9 baseline at caseness.
     */
    static List<MeasureOutcome> outcomes(ClientRecord record) {
        List<MeasureOutcome> outcomes = new ArrayList<>();
        for (String code : new TreeSet<>(record.assessments().stream().map(ClientRecord.AssessmentPoint::measure).toList())) {
            List<ClientRecord.AssessmentPoint> all = record.assessments().stream().filter(a -> a.measure().equals(code)).toList();
            List<ClientRecord.AssessmentPoint> episode = record.scoresIn(record.currentEpisode(), code);
            List<ClientRecord.AssessmentPoint> series = episode.isEmpty() ? all.subList(all.size() - 1, all.size()) : episode;
            ClientRecord.AssessmentPoint first = series.get(0);
            ClientRecord.AssessmentPoint last = series.get(series.size() - 1);
            Optional<OutcomeMeasure> measure = OutcomeMeasure.ofCode(code).filter(m -> series.size() >= 2);
            boolean phq9AtCaseness = measure.filter(m -> m == OutcomeMeasure.PHQ_9 && first.total() >= m.caseness()).isPresent();
            outcomes.add(new MeasureOutcome(code, first.total(), last.total(), last.band(),
                    measure.map(m -> ReliableChange.outcome(m, first.total(), last.total())).orElse(null),
                    phq9AtCaseness ? ReliableChange.isResponse(first.total(), last.total()) : null,
                    phq9AtCaseness ? ReliableChange.isRemission(last.total()) : null,
                    all.stream().map(a -> new ScorePoint(a.at(), a.total(), a.band())).toList()));
        }
        return outcomes;
    }

    /** The outcome of an episode of care (NHS Talking Therapies categories), if it has a baseline and a later score. */
    public static Optional<EpisodeOutcome> episodeOutcome(ClientRecord record, Episode episode) {
        return EpisodeOutcome.of(pair(record.scoresIn(episode, OutcomeMeasure.PHQ_9.code())),
                pair(record.scoresIn(episode, OutcomeMeasure.GAD_7.code())));
    }

    private static EpisodeOutcome.Pair pair(List<ClientRecord.AssessmentPoint> scores) {
        return scores.size() < 2 ? null : new EpisodeOutcome.Pair(scores.get(0).total(), scores.get(scores.size() - 1).total());
    }

    private static List<ClientRecord.HomeworkOutcome> within(List<ClientRecord.HomeworkOutcome> outcomes, Instant now, int days) {
        Instant since = now.minus(Duration.ofDays(days));
        return outcomes.stream().filter(o -> !o.dueAt().isBefore(since) && !o.dueAt().isAfter(now)).toList();
    }

    private static Double rate(List<ClientRecord.HomeworkOutcome> due) {
        return due.isEmpty() ? null : due.stream().filter(o -> "COMPLETED".equals(o.state())).count() / (double) due.size();
    }

    private static Double average(List<Double> values) {
        return values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
