package app.steady.platform.events;

import app.steady.events.EventData;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of event data. Writes ISO-8601 dates and leaves out nulls; reads tolerantly (unknown fields
 * are ignored, as the contract's versioning rule requires). Deliberately separate from the API's mapper,
 * which rejects unknown fields.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] write(EventData data) {
        return mapper.writeValueAsBytes(data);
    }

    public String writeAsString(EventData data) {
        return mapper.writeValueAsString(data);
    }

    /** Any value (export bundles and parts), written with the same settings as event data. */
    public byte[] writeValue(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    /** Any value written by {@link #writeValue}. */
    public <T> T readValue(byte[] json, Class<T> type) {
        return mapper.readValue(json, type);
    }

    /** Event data as a JSON tree, written with the same settings (nulls left out). */
    public ObjectNode toTree(EventData data) {
        return mapper.valueToTree(data);
    }

    public String writeAsString(JsonNode tree) {
        return mapper.writeValueAsString(tree);
    }

    public byte[] write(JsonNode tree) {
        return mapper.writeValueAsBytes(tree);
    }

    public JsonNode readTree(byte[] json) {
        return mapper.readTree(json);
    }

    public JsonNode readTree(String json) {
        return mapper.readTree(json);
    }

    public <T extends EventData> T read(JsonNode json, Class<T> type) {
        return mapper.treeToValue(json, type);
    }
}
