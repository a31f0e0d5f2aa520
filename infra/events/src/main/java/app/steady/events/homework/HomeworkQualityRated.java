package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/** The therapist rated the quality of a completed occurrence (1-5): quality predicts outcome as well as quantity. */
public record HomeworkQualityRated(String assignmentId, String clientId, String occurrenceId, @HealthData int rating,
                                   Instant ratedAt) implements EventData {
    public String subjectId() { return clientId; }
}
