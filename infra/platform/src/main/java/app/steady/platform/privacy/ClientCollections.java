package app.steady.platform.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.outbox.OutboxFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import app.steady.platform.events.EventJson;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.JsonNode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The service's collections of per-client documents (fields {@code tenantId} and {@code clientId}), erased and
 * exported as stored: {@code steady.privacy.client-collections}. Collections whose content needs a feature to be
 * read (encrypted text) go in {@code steady.privacy.erase-only-collections} and are exported by that feature's own
 * {@link ClientDataOwner}.
 */
public class ClientCollections implements ClientDataOwner {

    /** Bookkeeping that is not the client's information. */
    private static final Set<String> INTERNAL_FIELDS = Set.of(OutboxFields.EVENTS, OutboxFields.PENDING, "_class",
            "version", "ledger");

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoTemplate mongo;
    private final EventJson json;
    private final List<String> exported;
    private final List<String> eraseOnly;

    public ClientCollections(MongoTemplate mongo, EventJson json, List<String> exported, List<String> eraseOnly) {
        this.mongo = mongo;
        this.json = json;
        this.exported = List.copyOf(exported);
        this.eraseOnly = List.copyOf(eraseOnly);
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return allCollections().stream().map(collection -> ErasedPart.documents(collection,
                mongo.remove(Query.query(ofClient(tenantId, clientId)), collection).getDeletedCount())).toList();
    }

    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String collection : exported) {
            List<Document> documents = mongo.find(Query.query(ofClient(tenantId, clientId)), Document.class, collection);
            sections.put(collection, documents.stream().map(this::asJson).toList());
        }
        return sections;
    }

    /** Extended JSON (relaxed): dates as ISO strings, nothing specific to the Java driver. */
    private JsonNode asJson(Document document) {
        INTERNAL_FIELDS.forEach(document::remove);
        return json.readTree(document.toJson(RELAXED));
    }

    private List<String> allCollections() {
        return Stream.concat(exported.stream(), eraseOnly.stream()).toList();
    }

    /** The client's documents: by their fields, or by the "tenant:client" id some single-document collections use. */
    private static Criteria ofClient(String tenantId, String clientId) {
        return new Criteria().orOperator(where("tenantId").is(tenantId).and("clientId").is(clientId),
                where("_id").is(tenantId + ":" + clientId));
    }
}
