package app.steady.reminders.channels;

import app.steady.platform.web.PrivateAddresses;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * An HTTP POST of JSON (http or https), signed when there is a secret: {@code X-Steady-Signature: sha256=<hex
 * HMAC-SHA256 of "<timestamp>.<body>">} with {@code X-Steady-Timestamp}; always with {@code Idempotency-Key}. Any
 * non-2xx answer is a failure.
 */
@Component
class SignedPost {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock clock;
    private final boolean allowPrivateHosts;

    /**
     * @param allowPrivateHosts whether a URL may resolve to a private, loopback or internal address (local runs and
     *                          tests); otherwise such a send fails, whatever the URL's name (a public name may be made
     *                          to point inside the provider's network)
     */
    SignedPost(Clock clock, @Value("${steady.reminders.channels.allow-private-hosts:false}") boolean allowPrivateHosts) {
        this.clock = clock;
        this.allowPrivateHosts = allowPrivateHosts;
    }

    void send(String url, String secret, String idempotencyKey, String body) throws IOException, InterruptedException {
        String host = URI.create(url).getHost();
        if (!allowPrivateHosts && PrivateAddresses.resolvesToPrivate(host)) {
            throw new IllegalStateException("refusing to post to " + host + ": it is, or resolves to, a private address");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(WebhookChannel.IDEMPOTENCY_KEY, idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null && !secret.isBlank()) {
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            request.header(WebhookChannel.TIMESTAMP, timestamp)
                    .header(WebhookChannel.SIGNATURE, "sha256=" + WebhookChannel.sign(secret, timestamp + "." + body));
        }
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(URI.create(url).getHost() + " answered " + response.statusCode());
        }
    }
}
