package app.steady.analytics.client;

import app.steady.analytics.flags.FlagCandidate;
import app.steady.platform.consuming.Projection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What analytics knows of one client. Homework outcomes are kept for {@value #HOMEWORK_DAYS} days and daily mood for
 * {@value #MOOD_DAYS} days, so the document stays small however long therapy lasts.
 *
 * <p>Signs of distress found while an event is applied are kept in {@code pendingFlags}, in the same document write as
 * the event's effect and its ledger entry, until a follow-up step (or the sweeper, after a crash or a store error) has
 * turned each into a flag; so no sign is lost whatever fails in between.
 *
 * <p>{@code tallies} are what the client adds to their tenant's aggregates ({@link Tally}), derived again by every change
 * that can alter them, with the version of the rules they were derived with ({@code tallyRules}); records without them,
 * or with an older version, are found and brought up to date by {@link TallySweep}.
 */
@Document("client_records")
// Also serves GET /tenant/outcomes, whose aggregation $matches on tenantId alone (this index's prefix).
@CompoundIndex(name = "caseload", def = "{'tenantId': 1, 'therapistId': 1}")
@CompoundIndex(name = "pending_signs", def = "{'pendingFlags.sourceKey': 1}", sparse = true)
public class ClientRecord extends Projection {

    static final int HOMEWORK_DAYS = 120;
    static final int MOOD_DAYS = 365;

    private String tenantId;
    private String clientId;
    private String therapistId;
    private Map<String, HomeworkOutcome> homework = new HashMap<>();
    private Map<String, DayMood> moodByDay = new HashMap<>();
    private List<AssessmentPoint> assessments = new ArrayList<>();
    private Instant lastActivityAt;
    private List<Episode> episodes = new ArrayList<>();
    private List<FlagCandidate> pendingFlags = new ArrayList<>();
    /** Since when the client has been quiet: their last activity, or, if they never did anything, the start of their open episode. */
    private Instant quietSince;
    private List<Tally> tallies = new ArrayList<>();
    /** The {@link Tally#RULES} the tallies were derived with; null in records written before there were any. */
    @Indexed(name = "tally_rules")
    private Integer tallyRules;

    protected ClientRecord() {
    }

    ClientRecord(String id, String tenantId, String clientId) {
        super(id);
        this.tenantId = tenantId;
        this.clientId = clientId;
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    public record HomeworkOutcome(Instant dueAt, String state, Instant at, boolean late, Integer helpfulness,
                                  Integer quality) {
    }

    public record DayMood(double sum, int count) {
        double mean() {
            return sum / count;
        }
    }

    public record AssessmentPoint(String assessmentId, String measure, int total, String band, boolean safetySignal,
                                  Instant at) {
    }

    /**
     * Starts an episode unless one is open (then the assignment is a transfer within it), or unless the last one ended
     * at this very instant: goals-service reassigns by unassigning and assigning at the same instant, a transfer too.
     */
    void assignedTo(String therapist, Instant at) {
        this.therapistId = therapist;
        Episode last = currentEpisode();
        if (last != null && (last.isOpen() || last.endedAt().equals(at))) {
            episodes.set(episodes.size() - 1, last.transferredTo(therapist));
        } else {
            episodes.add(new Episode(episodes.size() + 1, at, null, therapist, Episode.ASSIGNED));
        }
        quiet();
        tally();
    }

    /** A client-unassigned on its own is a discharge: the open episode ends (a reassignment reopens it, see above). */
    void unassignedFrom(String therapist, Instant at) {
        if (therapist.equals(therapistId)) {
            therapistId = null;
            Episode last = currentEpisode();
            if (last != null && last.isOpen()) {
                episodes.set(episodes.size() - 1, last.endedAt(at));
            }
            tally();
        }
    }

    /** The treating therapist starts a new episode now (e.g. a new course of treatment); the open one ends. */
    Episode openEpisode(String therapist, Instant now) {
        Episode last = currentEpisode();
        if (last != null && last.isOpen()) {
            episodes.set(episodes.size() - 1, last.endedAt(now));
        }
        Episode opened = new Episode(episodes.size() + 1, now, null, therapist, Episode.OPENED);
        episodes.add(opened);
        quiet();
        tally();
        return opened;
    }

    /** The newest episode, open or ended; null when the client was never assigned. */
    public Episode currentEpisode() {
        return episodes.isEmpty() ? null : episodes.get(episodes.size() - 1);
    }

    /**
     * A measure's scores (oldest first, by the time they were taken) that belong to an episode: a score belongs to the
     * newest episode started at or before it was taken; scores taken before the first episode (at referral) belong to
     * the first. With no episode at all, every score counts.
     */
    public List<AssessmentPoint> scoresIn(Episode episode, String measure) {
        return assessments.stream().filter(a -> a.measure().equals(measure)).filter(a -> inEpisode(episode, a.at())).toList();
    }

    /** Whether something at this instant belongs to the episode, by the rule of {@link #scoresIn}; true when it is null. */
    public boolean inEpisode(Episode episode, Instant at) {
        return episode == null || episodeOf(at) == episode.number();
    }

    private int episodeOf(Instant at) {
        int number = episodes.isEmpty() ? 0 : episodes.get(0).number();
        for (Episode episode : episodes) {
            if (!episode.startedAt().isAfter(at)) {
                number = episode.number();
            }
        }
        return number;
    }

    /** Keeps signs to raise, in this same write; a sign already waiting is not added twice. */
    void signsFound(List<FlagCandidate> signs) {
        for (FlagCandidate sign : signs) {
            if (pendingFlags.stream().noneMatch(p -> p.signKey().equals(sign.signKey()))) {
                pendingFlags.add(sign);
            }
        }
    }

    /** Records what became of an occurrence; a later completion replaces a miss (late completion). */
    void homework(String assignmentId, String occurrenceId, HomeworkOutcome outcome, Instant now) {
        String key = assignmentId + "@" + occurrenceId;
        HomeworkOutcome current = homework.get(key);
        if (current == null || !"COMPLETED".equals(current.state())) {
            homework.put(key, current != null && current.quality() != null
                    ? new HomeworkOutcome(outcome.dueAt(), outcome.state(), outcome.at(), outcome.late(),
                    outcome.helpfulness(), current.quality())
                    : outcome);
        }
        Instant horizon = now.minus(java.time.Duration.ofDays(HOMEWORK_DAYS));
        homework.values().removeIf(h -> h.dueAt().isBefore(horizon));
        tally();
        if (!"MISSED".equals(outcome.state())) {
            active(outcome.at()); // a missed occurrence is the absence of activity, not activity
        }
    }

    /** The therapist's quality rating of a completed occurrence. */
    void quality(String assignmentId, String occurrenceId, int rating) {
        String key = assignmentId + "@" + occurrenceId;
        HomeworkOutcome current = homework.get(key);
        if (current != null) {
            homework.put(key, new HomeworkOutcome(current.dueAt(), current.state(), current.at(), current.late(),
                    current.helpfulness(), rating));
        }
    }

    void mood(LocalDate day, int mood, Instant at) {
        moodByDay.merge(day.toString(), new DayMood(mood, 1), (a, b) -> new DayMood(a.sum() + b.sum(), a.count() + b.count()));
        LocalDate horizon = day.minusDays(MOOD_DAYS);
        moodByDay.keySet().removeIf(d -> LocalDate.parse(d).isBefore(horizon));
        active(at);
    }

    void assessment(AssessmentPoint point) {
        if (assessments.stream().noneMatch(a -> a.assessmentId().equals(point.assessmentId()))) {
            assessments.add(point);
            assessments.sort(java.util.Comparator.comparing(AssessmentPoint::at));
            tally();
        }
        active(point.at());
    }

    void active(Instant at) {
        if (at != null && (lastActivityAt == null || at.isAfter(lastActivityAt))) {
            lastActivityAt = at;
        }
        quiet();
    }

    /** Derives the tallies again, with the current rules. */
    void tally() {
        tallies = Tally.of(this);
        tallyRules = Tally.RULES;
    }

    private void quiet() {
        Episode current = currentEpisode();
        Instant episodeStart = current != null && current.isOpen() ? current.startedAt() : null;
        quietSince = lastActivityAt != null ? lastActivityAt : episodeStart;
    }

    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public Map<String, HomeworkOutcome> homework() { return Map.copyOf(homework); }
    /** The homework outcomes as they are, uncopied (read on every change, by {@link Tally#of}). */
    Collection<HomeworkOutcome> homeworkOutcomes() { return Collections.unmodifiableCollection(homework.values()); }
    public Map<String, DayMood> moodByDay() { return Map.copyOf(moodByDay); }
    public List<AssessmentPoint> assessments() { return List.copyOf(assessments); }
    public Instant lastActivityAt() { return lastActivityAt; }
    public Instant quietSince() { return quietSince; }
    public List<Episode> episodes() { return List.copyOf(episodes); }
    public List<FlagCandidate> pendingFlags() { return List.copyOf(pendingFlags); }
    public List<Tally> tallies() { return List.copyOf(tallies); }
    public Integer tallyRules() { return tallyRules; }
}
