package app.steady.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A provider's webhook endpoint on a local port: verifies the signature, records every delivery as it arrives, and
 * answers 200 — or, while {@link #hold() held}, keeps the sender waiting until {@link #release()}, so that a test can
 * kill a reminders-service instance in the middle of a delivery it has claimed.
 */
final class WebhookSink implements AutoCloseable {

    record Delivery(String idempotencyKey, String body, boolean signatureValid, Instant receivedAt) {
    }

    private final String secret;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    WebhookSink(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.createContext("/hook", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** From now on deliveries are recorded but not answered until {@link #release()}. */
    void hold() {
        gate = new CompletableFuture<>();
    }

    void release() {
        gate.complete(null);
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        String timestamp = exchange.getRequestHeaders().getFirst("X-Steady-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Steady-Signature");
        boolean valid = timestamp != null && signature != null && MessageDigest.isEqual(
                ("sha256=" + hmac(timestamp + "." + body)).getBytes(UTF_8), signature.getBytes(UTF_8));
        deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, valid, Instant.now()));
        try {
            gate.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            // answer anyway
        }
        try {
            exchange.sendResponseHeaders(valid ? 200 : 401, -1);
        } finally {
            exchange.close();
        }
    }

    private String hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
