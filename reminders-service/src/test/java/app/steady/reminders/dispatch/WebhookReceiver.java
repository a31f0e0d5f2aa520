package app.steady.reminders.dispatch;

import app.steady.reminders.channels.WebhookChannel;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider's webhook endpoint (or an on-call pager), as a real HTTP server on this machine: verifies signatures,
 * records deliveries. Without a secret it takes unsigned deliveries.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Delivery(String idempotencyKey, String body, boolean signed, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    public WebhookReceiver(String secret) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst(WebhookChannel.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE);
            boolean valid = secret == null ? signature == null
                    : ("sha256=" + WebhookChannel.sign(secret, timestamp + "." + body)).equals(signature);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_KEY), body,
                    signature != null, valid));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return url("/reminders");
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
