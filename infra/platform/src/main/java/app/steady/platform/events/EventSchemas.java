package app.steady.platform.events;

import app.steady.events.EventType;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.BasicDialectRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.SchemaRegistryConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The contract's JSON Schemas, loaded once. Producers' tests and every consumer check event data against them,
 * so a producer cannot drift from the contract and a consumer never applies an event it cannot trust.
 */
public final class EventSchemas {

    /** The annotation that marks a sealed field in a schema. */
    public static final String SEALED_KEYWORD = "x-sealed";

    private final Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);

    public EventSchemas() {
        // Draft 2020-12 plus the contract's own annotation "x-sealed" (docs/events.md, "Sealed fields"): it marks
        // fields that travel sealed and validates nothing.
        Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                .keyword(new NonValidationKeyword(SEALED_KEYWORD)).build();
        SchemaRegistry registry = SchemaRegistry.builder()
                .dialectRegistry(new BasicDialectRegistry(dialect))
                .defaultDialectId(dialect.getId())
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .build();
        for (EventType type : EventType.values()) {
            try (InputStream in = EventSchemas.class.getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("No JSON Schema for " + type.type() + " at " + type.schemaResource());
                }
                schemas.put(type, registry.getSchema(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The violations of the schema, each naming the field, e.g. {@code "$.mood: must be at most 10"}; empty when valid. */
    public List<String> violations(EventType type, JsonNode data) {
        return schemas.get(type).validate(data).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }
}
