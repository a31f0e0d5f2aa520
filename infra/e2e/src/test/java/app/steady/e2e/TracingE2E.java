package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.platform.events.TopicNames;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * One trace from an API write to the projection it updates in another service, across the outbox and Kafka: a client
 * logs their mood in homework-service with a W3C {@code traceparent}; the {@code mood-logged} event carries the same
 * trace in its {@code ce_traceparent} and {@code traceparent} headers; homework-service and analytics-service both
 * export spans of that trace over OTLP (to an in-test collector), analytics' being its consumption of the event. On
 * the {@link SharedStack}, whose services export every span.
 */
@Order(SharedStack.SUITE_ORDER)
class TracingE2E {

    static SharedStack stack;
    static OtlpSink collector;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.get();
        collector = stack.traces();
    }

    @Test
    void oneTraceSpansAnApiWriteAndTheAnalyticsUpdateAcrossKafka() {
        String asTherapist = TestTokens.therapist(tenant, therapist);
        OnCall.setFor(stack.url("goals-service", ""), tenant);
        Http.Response assigned = Http.send("PUT", url("goals-service", "/caseload/clients/" + client),
                TestTokens.admin(tenant, "admin-1"), "{\"therapistId\":\"" + therapist + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        await("homework-service and analytics-service know the caseload").atMost(Duration.ofSeconds(60)).until(() ->
                Http.send("GET", url("homework-service", "/clients/" + client + "/mood"), asTherapist, null).status() == 200
                        && Http.send("GET", url("analytics-service", "/clients/" + client + "/summary"), asTherapist,
                        null).status() == 200);

        HexFormat hex = HexFormat.of();
        SecureRandom random = new SecureRandom();
        String traceId = hex.formatHex(bytes(random, 16));
        String callerSpanId = hex.formatHex(bytes(random, 8));
        int status = postMood("00-" + traceId + "-" + callerSpanId + "-01");
        assertThat(status).isEqualTo(201);

        // (a) The event the outbox published carries the write's trace.
        List<ConsumerRecord<String, byte[]>> records = KafkaTestClient.shared().readUntil(
                new TopicNames(stack.prefix).of(Topic.HOMEWORK), Duration.ofSeconds(60),
                read -> read.stream().anyMatch(this::isTheMoodEvent));
        ConsumerRecord<String, byte[]> event = records.stream().filter(this::isTheMoodEvent).findFirst().orElseThrow();
        assertThat(KafkaTestClient.header(event, CloudEventHeaders.TRACEPARENT)).as("ce_traceparent")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(KafkaTestClient.header(event, "traceparent")).as("traceparent")
                .isEqualTo(KafkaTestClient.header(event, CloudEventHeaders.TRACEPARENT));

        String writerSpanId = KafkaTestClient.header(event, CloudEventHeaders.TRACEPARENT).split("-")[2];

        // (b) homework-service exported the write's spans, its server span a child of the caller's.
        await("homework-service's spans of trace " + traceId).atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(collector.spansOfTrace(traceId))
                        .as("spans of the trace: %s%nexports the collector could not read: %s",
                                describe(collector.spansOfTrace(traceId)), collector.problems())
                        .anySatisfy(span -> {
                            assertThat(span.service()).isEqualTo("homework-service");
                            assertThat(span.parentSpanId()).isEqualTo(callerSpanId);
                        }));
        // ... and analytics-service, which applied the event to its projection, continued the same trace.
        await("analytics-service applied the mood").atMost(Duration.ofSeconds(60)).until(() -> Http.send("GET",
                url("analytics-service", "/clients/" + client + "/summary"), asTherapist, null).body().contains("\"daily\":[{"));
        await("analytics-service's spans of trace " + traceId).atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(collector.spansOfTrace(traceId))
                        .as("spans of the trace: %s%nanalytics-service exported %s spans in all, e.g. %s",
                                describe(collector.spansOfTrace(traceId)), analyticsSpans().size(),
                                describe(analyticsSpans().stream().limit(12).toList()))
                        .anySatisfy(span -> {
                            // OTLP SpanKind 5 = CONSUMER; its parent is the span that recorded the event.
                            assertThat(span.service()).isEqualTo("analytics-service");
                            assertThat(span.name()).isEqualTo("apply " + EventType.MOOD_LOGGED.type());
                            assertThat(span.kind()).isEqualTo(5);
                            assertThat(span.parentSpanId()).isEqualTo(writerSpanId);
                        }));
        assertThat(collector.problems()).as("exports the collector could not read").isEmpty();
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    private boolean isTheMoodEvent(ConsumerRecord<String, byte[]> record) {
        return client.equals(record.key())
                && EventType.MOOD_LOGGED.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }

    private int postMood(String traceparent) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("homework-service", "/clients/" + client + "/mood")))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", TestTokens.client(tenant, client))
                .header("Content-Type", "application/json")
                .header("traceparent", traceparent)
                .POST(HttpRequest.BodyPublishers.ofString("{\"mood\":7,\"note\":\"A calm day\",\"timeZone\":\"Europe/London\"}"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
            return response.statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<OtlpSink.ExportedSpan> analyticsSpans() {
        return collector.spans().stream().filter(span -> span.service().equals("analytics-service"))
                .filter(span -> !span.name().contains("actuator")).toList();
    }

    private static String describe(List<OtlpSink.ExportedSpan> spans) {
        return spans.isEmpty() ? "none" : spans.stream().map(OtlpSink.ExportedSpan::describe)
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }

    private static String url(String service, String path) {
        return stack.url(service, path);
    }
}
