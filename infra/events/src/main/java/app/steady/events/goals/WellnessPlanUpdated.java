package app.steady.events.goals;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;
import java.util.List;

/**
 * A new version of the client's wellness plan was agreed. {@code copingStrategies} and {@code contacts} are the
 * steps and people the client is shown at once when they answer a questionnaire's safety item (homework-service
 * keeps a copy for that moment); events written before they were added carry neither, and consumers read them as
 * empty.
 */
public record WellnessPlanUpdated(String planId, String clientId, int version, Instant updatedAt,
                                  @HealthData List<String> copingStrategies, @HealthData List<Contact> contacts)
        implements EventData {
    public String subjectId() { return clientId; }

    /** Someone the client can contact. */
    public record Contact(String name, String relationship, String phone) {
    }
}
