package app.steady.reminders.channels;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-tenant delivery ({@code steady.reminders.channels.*}): {@code default-channel} (KAFKA unless set) and, per
 * tenant id under {@code tenants}, {@code channel}, {@code webhook-url} and {@code webhook-secret} (from a secret).
 */
@ConfigurationProperties("steady.reminders.channels")
public record ChannelProperties(String defaultChannel, Map<String, ChannelSettings> tenants) {

    public ChannelSettings forTenant(String tenantId) {
        ChannelSettings settings = tenants == null ? null : tenants.get(tenantId);
        if (settings == null || settings.channel() == null) {
            return new ChannelSettings(defaultChannel == null ? "KAFKA" : defaultChannel,
                    settings == null ? null : settings.webhookUrl(), settings == null ? null : settings.webhookSecret());
        }
        return settings;
    }
}
