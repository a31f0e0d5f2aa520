package app.steady.reminders.channels;

/**
 * A tenant's channel configuration: the channel for client reminders; for the webhook its URL and signing secret;
 * the fallback on-call e-mail address, used only while the tenant has no safety settings (their on-call contacts).
 */
public record ChannelSettings(String channel, String webhookUrl, String webhookSecret, String onCallEmail) {
}
