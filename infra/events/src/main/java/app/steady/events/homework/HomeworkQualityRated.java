package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;

/** The therapist rated the quality of a completed occurrence (1-5): quality predicts outcome as well as quantity. */
public record HomeworkQualityRated(String assignmentId, String clientId, String occurrenceId, int rating,
                                   Instant ratedAt) implements EventData {
    public String subjectId() { return clientId; }
}
