package app.steady.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An on-call pager's webhook on a local port: records every page as it arrives and answers 200. */
final class PagerSink implements AutoCloseable {

    record Page(String idempotencyKey, String body, Instant receivedAt) {
    }

    private final HttpServer server;
    private final List<Page> pages = new CopyOnWriteArrayList<>();

    PagerSink() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/page", this::receive);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/page";
    }

    /** The pages whose body mentions {@code text} (a client id). */
    List<Page> about(String text) {
        return pages.stream().filter(page -> page.body().contains(text)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
        pages.add(new Page(exchange.getRequestHeaders().getFirst("Idempotency-Key"), body, Instant.now()));
        try {
            exchange.sendResponseHeaders(200, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
