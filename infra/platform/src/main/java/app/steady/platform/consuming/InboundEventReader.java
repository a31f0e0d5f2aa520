package app.steady.platform.consuming;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.PerServiceEventData;
import app.steady.events.Topic;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventOpener;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads one Kafka record as a Steady event, deciding whether it is applied, skipped or dead-lettered.
 * The rules are the contract's ({@code docs/events.md}): a valid CloudEvents envelope, a type that belongs on the
 * topic it came from, written by that topic's producer, keyed by its subject, with data valid against its schema
 * once its sealed health fields are opened.
 */
public class InboundEventReader {

    /** The reason a record of a type this build does not know is skipped (not an error: a newer producer). */
    public static final String UNKNOWN_TYPE = "unknown-type";

    private final EventJson json;
    private final EventSchemas schemas;
    private final TopicNames topics;
    private final EventOpener opener;
    private final Map<EventType, Set<String>> knownFields = new ConcurrentHashMap<>();

    public InboundEventReader(EventJson json, EventSchemas schemas, TopicNames topics, EventOpener opener) {
        this.json = json;
        this.schemas = schemas;
        this.topics = topics;
        this.opener = opener;
    }

    public sealed interface Outcome permits Accepted, Skipped, Rejected, AwaitingKey, KeyDestroyed {
    }

    /**
     * A sealed event whose data key has not reached this service yet (the key topic and the event's topic are read
     * apart): it is read again later, never applied half-open nor dead-lettered at once.
     */
    public record AwaitingKey(String type, String tenant, String subject, String keyId) implements Outcome {
    }

    /** A sealed event whose data key was destroyed: its client was erased, and it can never be read again. */
    public record KeyDestroyed(String type, String keyId) implements Outcome {
    }

    /** A valid event; {@code unknownFields} are data fields this version of the contract does not know. */
    public record Accepted(ReceivedEvent<?> event, Set<String> unknownFields) implements Outcome {
    }

    /** An event of a type this consumer does not know: tolerated, counted, not applied. */
    public record Skipped(String type, String reason) implements Outcome {
    }

    /** A record that can never be applied; {@code reason} says why and goes with it to the dead-letter topic. */
    public record Rejected(String reason) implements Outcome {
    }

    public Outcome read(String topic, int partition, long offset, Object key, Map<String, Object> headers,
                        byte[] payload) {
        String specVersion = header(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_VALUE.equals(specVersion)) {
            return new Rejected("ce_specversion must be 1.0 but is " + specVersion);
        }
        for (String required : List.of(CloudEventHeaders.ID, CloudEventHeaders.TYPE, CloudEventHeaders.SOURCE,
                CloudEventHeaders.SUBJECT, CloudEventHeaders.TENANT, CloudEventHeaders.TIME)) {
            String value = header(headers, required);
            if (value == null || value.isBlank()) {
                return new Rejected("missing CloudEvents attribute " + required);
            }
        }
        String contentType = header(headers, CloudEventHeaders.CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CloudEventHeaders.JSON_CONTENT_TYPE)) {
            return new Rejected("content-type must be application/json but is " + contentType);
        }
        Instant time;
        try {
            time = Instant.parse(header(headers, CloudEventHeaders.TIME));
        } catch (DateTimeParseException e) {
            return new Rejected("ce_time is not an RFC 3339 timestamp: " + header(headers, CloudEventHeaders.TIME));
        }

        String typeName = header(headers, CloudEventHeaders.TYPE);
        Optional<EventType> known = EventType.ofType(typeName);
        if (known.isEmpty()) {
            return isOtherVersionOfKnownType(typeName)
                    ? new Rejected("unsupported version of event type: " + typeName)
                    : new Skipped(typeName, UNKNOWN_TYPE);
        }
        EventType type = known.get();

        Optional<Topic> catalogueTopic = topics.topicNamed(topic);
        if (catalogueTopic.isPresent() && catalogueTopic.get() != type.topic()) {
            return new Rejected(typeName + " does not belong on topic " + topic);
        }
        String source = header(headers, CloudEventHeaders.SOURCE);
        if (!type.topic().producer().equals(source)) {
            return new Rejected(typeName + " must come from " + type.topic().producer() + ", not " + source);
        }
        String subject = header(headers, CloudEventHeaders.SUBJECT);
        String recordKey = keyAsString(key);
        if (recordKey != null && !recordKey.equals(subject)) {
            return new Rejected("record key " + recordKey + " differs from ce_subject " + subject);
        }
        if (payload == null || payload.length == 0) {
            return new Rejected("event has no data");
        }

        JsonNode data;
        try {
            data = json.readTree(payload);
        } catch (JacksonException e) {
            return new Rejected("data is not JSON: " + e.getOriginalMessage());
        }
        if (!(data instanceof ObjectNode object)) {
            return new Rejected("data is not a JSON object");
        }
        EventOpener.Opened opened = opener.open(type, header(headers, CloudEventHeaders.TENANT), subject, object);
        if (opened instanceof EventOpener.Broken broken) {
            return new Rejected(broken.reason());
        }
        if (opened instanceof EventOpener.KeyDestroyed destroyed) {
            return new KeyDestroyed(typeName, destroyed.keyId());
        }
        if (opened instanceof EventOpener.KeyUnknown unknown) {
            return new AwaitingKey(typeName, header(headers, CloudEventHeaders.TENANT), subject, unknown.keyId());
        }
        List<String> violations = schemas.violations(type, data);
        if (!violations.isEmpty()) {
            return new Rejected("data violates " + type.type() + " schema: " + String.join("; ", violations));
        }
        EventData typed;
        try {
            typed = json.read(data, type.dataClass());
        } catch (JacksonException e) {
            return new Rejected("data does not bind to " + type.dataClass().getSimpleName() + ": " + e.getOriginalMessage());
        }
        if (!subject.equals(typed.subjectId())) {
            return new Rejected("ce_subject " + subject + " differs from the data's subject " + typed.subjectId());
        }
        if (typed instanceof PerServiceEventData perService && !source.equals(perService.service())) {
            return new Rejected("data names service " + perService.service() + " but the event comes from " + source);
        }
        ReceivedEvent<?> event = new ReceivedEvent<>(header(headers, CloudEventHeaders.ID), type, source, subject,
                header(headers, CloudEventHeaders.TENANT), time, header(headers, CloudEventHeaders.TRACEPARENT),
                typed, topic, partition, offset);
        return new Accepted(event, unknownFields(type, data));
    }

    private Set<String> unknownFields(EventType type, JsonNode data) {
        Set<String> known = knownFields.computeIfAbsent(type, t -> Arrays.stream(t.dataClass().getRecordComponents())
                .map(component -> component.getName()).collect(Collectors.toUnmodifiableSet()));
        Set<String> unknown = new HashSet<>();
        for (String name : data.propertyNames()) {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    private static boolean isOtherVersionOfKnownType(String typeName) {
        String base = withoutVersion(typeName);
        return Arrays.stream(EventType.values()).anyMatch(type -> withoutVersion(type.type()).equals(base));
    }

    private static String withoutVersion(String typeName) {
        return typeName.replaceFirst("\\.v\\d+$", "");
    }

    static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return value == null ? null : value.toString();
    }

    private static String keyAsString(Object key) {
        if (key instanceof byte[] bytes) {
            return new String(bytes, UTF_8);
        }
        return key == null ? null : key.toString();
    }
}
