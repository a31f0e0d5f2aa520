package app.steady.platform.store;

import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;

/**
 * The embedded store's index profile (issue 17). mongo-java-server serves a query from an index only when a
 * <em>unique</em> index has exactly the query's keys, with plain equality values; otherwise it reads the whole
 * collection. So on that server every version-checked write ({@code {_id, version}}: each aggregate update, and the
 * relay clearing a document it emptied) would cost a scan. For each entity with a {@code @Version} this declares a
 * unique index on {@code {_id: 1, <version>: 1}}, which makes those writes cost the same at any size; uniqueness is
 * given, {@code _id} alone is unique.
 *
 * <p>Only on the embedded server: a MongoDB server serves the same filters from the {@code _id} index, and another
 * index on every collection would only cost writes and memory there.
 */
public final class EmbeddedStoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreIndexes.class);

    private EmbeddedStoreIndexes() {
    }

    /** Declares the profile's indexes if this is the embedded server; returns the collections given one. */
    public static List<String> declareIfEmbedded(MongoTemplate mongo, StoreKind kind) {
        List<String> indexed = new ArrayList<>();
        if (kind != StoreKind.EMBEDDED_WIRE_SERVER) {
            return indexed;
        }
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            MongoPersistentProperty version = entity.getVersionProperty();
            if (version == null || entity.getCollection() == null) {
                continue;
            }
            mongo.getCollection(entity.getCollection()).createIndex(
                    new Document("_id", 1).append(version.getFieldName(), 1),
                    new IndexOptions().unique(true).name("embedded_id_version"));
            indexed.add(entity.getCollection());
        }
        log.info("Embedded MongoDB-wire server: unique (_id, version) indexes on {}", indexed);
        return indexed;
    }
}
