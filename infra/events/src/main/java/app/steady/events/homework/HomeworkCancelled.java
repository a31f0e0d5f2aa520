package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;

public record HomeworkCancelled(String assignmentId, String clientId, String therapistId, Instant cancelledAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
