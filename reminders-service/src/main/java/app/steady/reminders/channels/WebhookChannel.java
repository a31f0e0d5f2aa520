package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.reminders.scheduling.Reminder;
import java.nio.charset.StandardCharsets;
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

    private final SignedPost post;

    WebhookChannel(SignedPost post) {
        this.post = post;
    }

    @Override
    public String name() {
        return "WEBHOOK";
    }

    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) throws Exception {
        if (settings.webhookUrl() == null || settings.webhookSecret() == null) {
            throw DeliveryFailure.permanent(name(), DeliveryFailure.NO_ADDRESS,
                    "No webhook URL and secret configured for tenant " + reminder.tenantId());
        }
        String body = """
                {"reminderId":"%s","idempotencyKey":"%s","clientId":"%s","kind":"%s","dueAt":"%s","windowClosesAt":"%s"}"""
                .formatted(reminder.idempotencyKey(), reminder.idempotencyKey(), reminder.clientId(), reminder.kind(), reminder.dueAt(),
                        reminder.windowClosesAt());
        post.send(settings.webhookUrl(), settings.webhookSecret(), reminder.idempotencyKey(), body);
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
