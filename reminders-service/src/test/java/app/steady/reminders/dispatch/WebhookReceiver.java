package app.steady.reminders.dispatch;

import app.steady.reminders.channels.WebhookChannel;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A provider's webhook endpoint, as a real HTTP server on this machine: verifies signatures, records deliveries. */
final class WebhookReceiver implements AutoCloseable {

    record Delivery(String idempotencyKey, String body, boolean signatureValid) {
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/reminders", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String timestamp = exchange.getRequestHeaders().getFirst(WebhookChannel.TIMESTAMP);
            String signature = exchange.getRequestHeaders().getFirst(WebhookChannel.SIGNATURE);
            boolean valid = ("sha256=" + WebhookChannel.sign(secret, timestamp + "." + body)).equals(signature);
            deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst(WebhookChannel.IDEMPOTENCY_KEY), body, valid));
            exchange.sendResponseHeaders(valid ? 204 : 401, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/reminders";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
