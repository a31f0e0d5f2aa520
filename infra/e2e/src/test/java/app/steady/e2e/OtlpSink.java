package app.steady.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * A stand-in OpenTelemetry collector: accepts OTLP/HTTP protobuf exports on {@code /v1/traces} (as the services'
 * exporters send them) and keeps every span, with the {@code service.name} of the resource that exported it. Decodes
 * the few fields it needs straight from the protobuf wire format (opentelemetry-proto's trace.proto field numbers).
 */
final class OtlpSink implements AutoCloseable {

    /** One exported span; ids in lower-case hex as in a W3C traceparent, parent empty for a root span. */
    record ExportedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind) {

        String describe() {
            return service + " " + name + " (kind " + kind + ", trace " + traceId + ", span " + spanId + ", parent "
                    + (parentSpanId.isEmpty() ? "none" : parentSpanId) + ")";
        }
    }

    private final HttpServer server;
    private final List<ExportedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "otlp-sink");
        thread.setDaemon(true);
        return thread;
    });

    private OtlpSink(HttpServer server) {
        this.server = server;
    }

    static OtlpSink start() {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        OtlpSink sink = new OtlpSink(server);
        server.createContext("/v1/traces", sink::receive);
        server.setExecutor(sink.executor);
        server.start();
        return sink;
    }

    /** The URL to give {@code management.opentelemetry.tracing.export.otlp.endpoint}. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1/traces";
    }

    List<ExportedSpan> spans() {
        return List.copyOf(spans);
    }

    List<ExportedSpan> spansOfTrace(String traceId) {
        return spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
    }

    /** Exports that could not be read (wrong method, content type, undecodable body). */
    List<String> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (!"POST".equals(exchange.getRequestMethod()) || contentType == null
                    || !contentType.startsWith("application/x-protobuf")) {
                problems.add(exchange.getRequestMethod() + " with Content-Type " + contentType);
                exchange.sendResponseHeaders(415, -1);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream unzipped = new GZIPInputStream(new ByteArrayInputStream(body))) {
                    body = unzipped.readAllBytes();
                }
            }
            try {
                readExportTraceServiceRequest(body);
            } catch (RuntimeException undecodable) {
                problems.add("undecodable export of " + body.length + " bytes: " + undecodable);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1); // an empty ExportTraceServiceResponse: all accepted
        }
    }

    /** ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; } */
    private void readExportTraceServiceRequest(byte[] body) {
        Wire request = new Wire(body);
        while (request.next()) {
            if (request.field == 1 && request.wireType == 2) {
                readResourceSpans(request.message());
            } else {
                request.skip();
            }
        }
    }

    /** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; } */
    private void readResourceSpans(Wire resourceSpans) {
        String service = "";
        List<Wire> scopeSpans = new java.util.ArrayList<>();
        while (resourceSpans.next()) {
            if (resourceSpans.field == 1 && resourceSpans.wireType == 2) {
                service = serviceName(resourceSpans.message());
            } else if (resourceSpans.field == 2 && resourceSpans.wireType == 2) {
                scopeSpans.add(resourceSpans.message());
            } else {
                resourceSpans.skip();
            }
        }
        for (Wire scope : scopeSpans) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (scope.next()) {
                if (scope.field == 2 && scope.wireType == 2) {
                    spans.add(readSpan(service, scope.message()));
                } else {
                    scope.skip();
                }
            }
        }
    }

    /** Resource { repeated KeyValue attributes = 1; }, KeyValue { string key = 1; AnyValue value = 2; } */
    private static String serviceName(Wire resource) {
        String service = "";
        while (resource.next()) {
            if (resource.field == 1 && resource.wireType == 2) {
                Wire attribute = resource.message();
                String key = null;
                String value = null;
                while (attribute.next()) {
                    if (attribute.field == 1 && attribute.wireType == 2) {
                        key = attribute.string();
                    } else if (attribute.field == 2 && attribute.wireType == 2) {
                        Wire any = attribute.message(); // AnyValue { string string_value = 1; ... }
                        while (any.next()) {
                            if (any.field == 1 && any.wireType == 2) {
                                value = any.string();
                            } else {
                                any.skip();
                            }
                        }
                    } else {
                        attribute.skip();
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    service = value;
                }
            } else {
                resource.skip();
            }
        }
        return service;
    }

    /** Span { bytes trace_id = 1; bytes span_id = 2; bytes parent_span_id = 4; string name = 5; SpanKind kind = 6; } */
    private static ExportedSpan readSpan(String service, Wire span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (span.next()) {
            switch (span.field) {
                case 1 -> traceId = HexFormat.of().formatHex(span.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(span.bytes());
                case 4 -> parent = HexFormat.of().formatHex(span.bytes());
                case 5 -> name = span.string();
                case 6 -> kind = (int) span.varint();
                default -> span.skip();
            }
        }
        return new ExportedSpan(service, traceId, spanId, parent, name, kind);
    }

    /** A reader of the protobuf wire format: tags, varints, length-delimited fields; skips the rest. */
    private static final class Wire {

        private final byte[] data;
        private int position;
        private final int end;
        int field;
        int wireType;

        Wire(byte[] data) {
            this(data, 0, data.length);
        }

        private Wire(byte[] data, int from, int end) {
            this.data = data;
            this.position = from;
            this.end = end;
        }

        boolean next() {
            if (position >= end) {
                return false;
            }
            long tag = varint();
            field = (int) (tag >>> 3);
            wireType = (int) (tag & 7);
            return true;
        }

        long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[position++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new IllegalStateException("malformed varint");
        }

        byte[] bytes() {
            int length = length();
            byte[] bytes = java.util.Arrays.copyOfRange(data, position, position + length);
            position += length;
            return bytes;
        }

        String string() {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        Wire message() {
            int length = length();
            Wire message = new Wire(data, position, position + length);
            position += length;
            return message;
        }

        void skip() {
            switch (wireType) {
                case 0 -> varint();
                case 1 -> position += 8;
                case 2 -> {
                    int length = length(); // read first: it moves past the length's own bytes
                    position += length;
                }
                case 5 -> position += 4;
                default -> throw new IllegalStateException("unsupported wire type " + wireType);
            }
        }

        private int length() {
            long length = varint();
            if (length < 0 || position + length > end) {
                throw new IllegalStateException("length " + length + " beyond the message");
            }
            return (int) length;
        }
    }
}
