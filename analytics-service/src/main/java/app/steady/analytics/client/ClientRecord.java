package app.steady.analytics.client;

import app.steady.platform.consuming.Projection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What analytics knows of one client. Homework outcomes are kept for {@value #HOMEWORK_DAYS} days and daily mood for
 * {@value #MOOD_DAYS} days, so the document stays small however long therapy lasts.
 */
@Document("client_records")
@CompoundIndex(name = "caseload", def = "{'tenantId': 1, 'therapistId': 1}")
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

    void assignedTo(String therapist) {
        this.therapistId = therapist;
    }

    void unassignedFrom(String therapist) {
        if (therapist.equals(therapistId)) {
            therapistId = null;
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
        active(outcome.at());
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
        }
        active(point.at());
    }

    void active(Instant at) {
        if (at != null && (lastActivityAt == null || at.isAfter(lastActivityAt))) {
            lastActivityAt = at;
        }
    }

    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String therapistId() { return therapistId; }
    public Map<String, HomeworkOutcome> homework() { return Map.copyOf(homework); }
    public Map<String, DayMood> moodByDay() { return Map.copyOf(moodByDay); }
    public List<AssessmentPoint> assessments() { return List.copyOf(assessments); }
    public Instant lastActivityAt() { return lastActivityAt; }
}
