package app.steady.reminders.channels;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery ({@code steady.reminders.channels.*}): {@code default-channel} for client reminders (KAFKA unless set),
 * {@code clinician-channel} for therapist notifications (EMAIL unless set; on-call clinicians are reached through their
 * tenant's safety settings), and per tenant id under {@code tenants}: {@code channel}, {@code webhook-url},
 * {@code webhook-secret} (from a secret; also signs on-call pages), {@code on-call-email} (only for a tenant without
 * safety settings).
 */
@ConfigurationProperties("steady.reminders.channels")
public record ChannelProperties(String defaultChannel, String clinicianChannel, Map<String, ChannelSettings> tenants) {

    public ChannelSettings forTenant(String tenantId) {
        ChannelSettings settings = tenants == null ? null : tenants.get(tenantId);
        String channel = settings == null || settings.channel() == null ? defaultOr(defaultChannel, "KAFKA") : settings.channel();
        return settings == null ? new ChannelSettings(channel, null, null, null)
                : new ChannelSettings(channel, settings.webhookUrl(), settings.webhookSecret(), settings.onCallEmail());
    }

    /** The channel for notifications to clinicians. */
    public String clinicianChannel() {
        return defaultOr(clinicianChannel, "EMAIL");
    }

    private static String defaultOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
