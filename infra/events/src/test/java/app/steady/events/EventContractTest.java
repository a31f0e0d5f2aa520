package app.steady.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.homework.MoodLogged;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract holds together: every catalogued type has a schema and a golden example, the example is valid, the
 * schema describes exactly its record, and the record round-trips through JSON without breaking the schema.
 */
class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    @ParameterizedTest
    @EnumSource(EventType.class)
    void goldenExampleIsValidAgainstTheSchema(EventType type) {
        assertThat(schemaOf(type).validate(exampleOf(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaDescribesExactlyTheRecord(EventType type) {
        JsonNode schema = read(type.schemaResource());
        Set<String> components = componentNames(type.dataClass());
        assertThat(schema.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(components);
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(node -> required.add(node.asString()));
        assertThat(components).containsAll(required);
        assertThat(schema.get("additionalProperties").asBoolean())
                .as("consumers read tolerantly, so producers may add optional fields").isTrue();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordRoundTripsAndStaysValid(EventType type) {
        EventData data = JSON.treeToValue(exampleOf(type), type.dataClass());
        JsonNode written = JSON.valueToTree(data);
        assertThat(schemaOf(type).validate(withoutNulls(written))).isEmpty();
        assertThat(JSON.treeToValue(written, type.dataClass())).isEqualTo(data);
        assertThat(data.subjectId()).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaRejectsAnExampleMissingARequiredField(EventType type) {
        JsonNode schema = read(type.schemaResource());
        String firstRequired = schema.get("required").get(0).asString();
        ObjectNode broken = (ObjectNode) exampleOf(type).deepCopy();
        broken.remove(firstRequired);
        assertThat(schemaOf(type).validate(broken)).isNotEmpty();
    }

    /** The schema marks exactly the fields the record marks {@link HealthData}: those never travel in clear. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void schemaMarksExactlyTheHealthFieldsAsSealed(EventType type) {
        JsonNode schema = read(type.schemaResource());
        Set<String> markedInSchema = new HashSet<>();
        schema.get("properties").properties().forEach(property -> {
            if (property.getValue().path("x-sealed").asBoolean(false)) {
                markedInSchema.add(property.getKey());
            }
        });
        Set<String> healthComponents = Stream.of(type.dataClass().getRecordComponents())
                .filter(component -> component.isAnnotationPresent(HealthData.class))
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertThat(markedInSchema).isEqualTo(healthComponents);
        assertThat(healthComponents).as("ids are never sealed: they route and key the events")
                .noneMatch(name -> name.endsWith("Id"));
    }

    /** The wire example shows a sealed event: ids and times in clear, health fields only inside "sealed". */
    @Test
    void theWireExampleCarriesItsHealthFieldsOnlySealed() {
        JsonNode wire = read("/events/examples/wire/steady.homework.mood-logged.v1.json");
        for (RecordComponent component : MoodLogged.class.getRecordComponents()) {
            assertThat(wire.has(component.getName())).as(component.getName())
                    .isEqualTo(!component.isAnnotationPresent(HealthData.class));
        }
        assertThat(wire.path("sealed").path("keyId").asString()).isNotBlank();
        assertThat(wire.path("sealed").path("ciphertext").asString()).isNotBlank();
    }

    @Test
    void typesAreUniqueVersionedAndOnTheirProducersTopic() {
        assertThat(Arrays.stream(EventType.values()).map(EventType::type).distinct().count())
                .isEqualTo(EventType.values().length);
        for (EventType type : EventType.values()) {
            assertThat(type.type()).matches("steady\\.[a-z]+\\.[a-z-]+\\.v\\d+");
            assertThat(type.type()).startsWith("steady." + type.topic().producer().replace("-service", "") + ".");
        }
    }

    @Test
    void catalogueDocumentListsEveryType() throws IOException {
        String catalogue = Files.readString(Path.of("../../docs/events.md"));
        for (EventType type : EventType.values()) {
            assertThat(catalogue).as("docs/events.md lists " + type.type()).contains(type.type());
        }
        for (Topic topic : Topic.values()) {
            assertThat(catalogue).contains(topic.baseName());
        }
    }

    private static Schema schemaOf(EventType type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream(type.schemaResource())) {
            assertThat(in).as("schema of " + type.type()).isNotNull();
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode exampleOf(EventType type) {
        return read(type.exampleResource());
    }

    private static JsonNode read(String resource) {
        try (InputStream in = EventContractTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(entry -> {
                if (!entry.getValue().isNull()) {
                    copy.set(entry.getKey(), withoutNulls(entry.getValue()));
                }
            });
            return copy;
        }
        return node;
    }

    private static Set<String> componentNames(Class<?> record) {
        return Stream.of(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.toSet());
    }
}
