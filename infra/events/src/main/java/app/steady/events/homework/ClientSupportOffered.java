package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;
import java.util.List;

/**
 * For the client's app: the client answered a questionnaire's safety item (PHQ-9 item 9) with 1 or more, and was
 * offered support at once: supportive words, the steps of their own wellness plan and their provider's crisis
 * resources. Carries no score, band or label; their therapist is informed through the risk flag.
 */
public record ClientSupportOffered(String clientId, String assessmentId, @HealthData String supportiveText,
                                   @HealthData List<String> wellnessPlanSteps, @HealthData List<SupportContact> contacts,
                                   @HealthData List<CrisisResource> crisisResources, Instant offeredAt) implements EventData {
    public String subjectId() { return clientId; }

    /** Someone from the client's own wellness plan. */
    public record SupportContact(String name, String relationship, String phone) {
    }

    /** One of the provider's crisis resources for the client's locale. */
    public record CrisisResource(String name, String phone, String text, String url, String locale) {
    }
}
