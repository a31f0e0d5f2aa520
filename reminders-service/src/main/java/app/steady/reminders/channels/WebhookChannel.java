package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.reminders.scheduling.Reminder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Delivery as an HTTP POST to the tenant's URL, signed so the receiver can trust it: header
 * {@code X-Steady-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">} with {@code X-Steady-Timestamp}, and
 * {@code Idempotency-Key} for deduplication. Any non-2xx answer is a failed attempt (retried with back-off).
 */
@Component
public class WebhookChannel implements ReminderChannel {

    public static final String SIGNATURE = "X-Steady-Signature";
    public static final String TIMESTAMP = "X-Steady-Timestamp";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;

    WebhookChannel(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) throws Exception {
        if (settings.webhookUrl() == null || settings.webhookSecret() == null) {
            throw new IllegalStateException("No webhook URL and secret configured for tenant " + reminder.tenantId());
        }
        String body = """
                {"reminderId":"%s","idempotencyKey":"%s","clientId":"%s","kind":"%s","dueAt":"%s","windowClosesAt":"%s"}"""
                .formatted(reminder.idempotencyKey(), reminder.idempotencyKey(), reminder.clientId(), reminder.kind(), reminder.dueAt(),
                        reminder.windowClosesAt());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(settings.webhookSecret(), timestamp + "." + body))
                .header(IDEMPOTENCY_KEY, reminder.idempotencyKey())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Webhook answered " + response.statusCode());
        }
        return List.of();
    }

    /** Hex HMAC-SHA256, as receivers compute it to verify a delivery. */
    public static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
