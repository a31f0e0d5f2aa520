package app.steady.reminders.channels;

/**
 * A tenant's channel configuration: the channel for client reminders; for the webhook its URL and signing secret;
 * the on-call contact's e-mail address for escalations.
 */
public record ChannelSettings(String channel, String webhookUrl, String webhookSecret, String onCallEmail) {
}
