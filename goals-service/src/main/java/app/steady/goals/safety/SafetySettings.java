package app.steady.goals.safety;

import app.steady.events.EventData;
import app.steady.platform.outbox.PublishesEvents;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One tenant's safety settings; one document per tenant, its id the tenant's. Replaced whole; each change raises
 * {@code version} by one and is published, so replicas keep only the newest.
 */
@Document("tenant_safety_settings")
@PublishesEvents
public class SafetySettings {

    @Id
    private String tenantId;
    private List<OnCallContact> onCallContacts = List.of();
    private List<CrisisResource> crisisResources = List.of();
    private Duration highPriorityEscalationAfter;
    private int version;
    private Instant updatedAt;
    @Version
    private Long revision;

    protected SafetySettings() {
    }

    static SafetySettings newFor(String tenantId) {
        SafetySettings settings = new SafetySettings();
        settings.tenantId = tenantId;
        return settings;
    }

    /** Replaces the settings whole; returns the event that causes (none when nothing changes). */
    List<EventData> replaceWith(SafetyContent content, Instant now) {
        if (version > 0 && content.equals(content())) {
            return List.of();
        }
        onCallContacts = content.onCallContacts();
        crisisResources = content.crisisResources();
        highPriorityEscalationAfter = content.highPriorityEscalationAfter();
        version++;
        updatedAt = now;
        return List.of(asSettings().toEvent());
    }

    /** The settings as every service reads them. */
    public TenantSafetySettings asSettings() {
        return new TenantSafetySettings(tenantId, version, onCallContacts, crisisResources, highPriorityEscalationAfter,
                updatedAt);
    }

    private SafetyContent content() {
        return new SafetyContent(onCallContacts, crisisResources, highPriorityEscalationAfter);
    }

    boolean isStored() {
        return revision != null;
    }

    /** The stored revision, for ETags. */
    public Long revision() {
        return revision;
    }
}
