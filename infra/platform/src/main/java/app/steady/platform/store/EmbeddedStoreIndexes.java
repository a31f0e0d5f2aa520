package app.steady.platform.store;

import com.mongodb.client.model.IndexOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.repository.support.Repositories;

/**
 * The embedded store's index profile (issue 17). mongo-java-server serves a query from an index only when a
 * <em>unique</em> index has exactly the query's keys, with plain equality values; otherwise it reads the whole
 * collection. So on that server every version-checked write ({@code {_id, version}}: each aggregate update, and the
 * relay clearing a document it emptied) would cost a scan. For each entity with a {@code @Version} this declares a
 * unique index on {@code {_id: 1, <version>: 1}}, which makes those writes cost the same at any size, and likewise
 * for the other exact-key filters of hot paths; uniqueness is given, {@code _id} alone is unique. Ranges,
 * {@code $in} and non-unique lookups can use no index there at all ({@link KeyedReads}, docs/performance.md).
 *
 * <p>Only on the embedded server: a MongoDB server serves the same filters from the {@code _id} index, and another
 * index on every collection would only cost writes and memory there.
 */
public final class EmbeddedStoreIndexes {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreIndexes.class);

    private EmbeddedStoreIndexes() {
    }

    /** Keys of one extra unique index: they include {@code _id}, so uniqueness is given. */
    public record Keys(String collection, List<String> fields) {
        public Keys {
            if (!fields.contains("_id")) {
                throw new IllegalArgumentException("an index of the profile must include _id to be unique: " + fields);
            }
        }

        public static Keys of(String collection, String... fields) {
            return new Keys(collection, List.of(fields));
        }
    }

    /**
     * {@code {_id, tenantId, clientId}} for the entities whose repository looks them up by that natural key
     * ({@code findByIdAndTenantIdAndClientId}): a client's item read or changed by its id within the caller's tenant.
     */
    public static List<Keys> naturalKeysOfRepositories(ListableBeanFactory beans, MongoTemplate mongo) {
        Repositories repositories = new Repositories(beans);
        List<Keys> keys = new ArrayList<>();
        for (Class<?> domainType : repositories) {
            repositories.getRepositoryInformationFor(domainType)
                    .filter(information -> Arrays.stream(information.getRepositoryInterface().getMethods())
                            .anyMatch(method -> method.getName().equals("findByIdAndTenantIdAndClientId")))
                    .ifPresent(information -> keys.add(Keys.of(mongo.getCollectionName(domainType), "_id", "tenantId",
                            "clientId")));
        }
        return keys;
    }

    /**
     * Declares the profile's indexes if this is the embedded server; returns the collections given one: the
     * {@code {_id, version}} of every versioned entity, and {@code extra}. Only where a filter needs one: every unique
     * index is kept up to date on every write to its collection, which on the embedded server costs as much as the
     * write's own lookup (the JFR profile of the reminder burst, docs/performance.md).
     */
    public static List<String> declareIfEmbedded(MongoTemplate mongo, StoreKind kind, List<Keys> extra) {
        List<String> indexed = new ArrayList<>();
        if (kind != StoreKind.EMBEDDED_WIRE_SERVER) {
            return indexed;
        }
        List<Keys> profile = new ArrayList<>(extra);
        for (MongoPersistentEntity<?> entity : mongo.getConverter().getMappingContext().getPersistentEntities()) {
            if (entity.getCollection() == null) {
                continue;
            }
            MongoPersistentProperty version = entity.getVersionProperty();
            if (version != null) {
                profile.add(Keys.of(entity.getCollection(), "_id", version.getFieldName()));
            }
        }
        for (Keys keys : profile) {
            Document index = new Document();
            keys.fields().forEach(field -> index.append(field, 1));
            mongo.getCollection(keys.collection()).createIndex(index,
                    new IndexOptions().unique(true).name("embedded_" + String.join("_", keys.fields())));
            indexed.add(keys.collection() + " " + keys.fields());
        }
        log.info("Embedded MongoDB-wire server: unique indexes {}", indexed);
        return indexed;
    }
}
