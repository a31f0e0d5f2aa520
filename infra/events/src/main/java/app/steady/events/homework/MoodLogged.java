package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A mood check-in. {@code mood} 0-10; {@code anxiety}, {@code energy} (0-10) and {@code sleepHours} are
 * optional; {@code emotions} come from a fixed vocabulary. The client's note is not carried.
 */
public record MoodLogged(String entryId, String clientId, @HealthData int mood, @HealthData Integer anxiety, @HealthData Integer energy,
                         @HealthData Double sleepHours, @HealthData List<String> emotions, String occurrenceId, Instant loggedAt,
                         LocalDateTime loggedLocal, String timeZone) implements EventData {
    public String subjectId() { return clientId; }
}
