package app.steady.reminders.channels;

/** A tenant's channel configuration: which channel, and for the webhook its URL and signing secret. */
public record ChannelSettings(String channel, String webhookUrl, String webhookSecret) {
}
