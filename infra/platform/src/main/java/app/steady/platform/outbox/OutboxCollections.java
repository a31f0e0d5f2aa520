package app.steady.platform.outbox;

import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/** The collections whose documents may hold pending events: those of every {@link PublishesEvents} aggregate. */
public class OutboxCollections {

    private final List<String> names;
    private final java.util.Map<String, String> versionFields;

    /**
     * @param platformAggregates the platform's own aggregates (audit entries, tombstones...), which the service's
     *                           entity scan does not find
     */
    public OutboxCollections(MongoTemplate mongo, Collection<Class<?>> platformAggregates) {
        platformAggregates.forEach(type -> mongo.getConverter().getMappingContext().getRequiredPersistentEntity(type));
        this.names = mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> entity.isAnnotationPresent(PublishesEvents.class))
                .map(MongoPersistentEntity::getCollection)
                .distinct()
                .sorted()
                .toList();
        // Every aggregate that publishes events is versioned (AggregateStore requires it), one entity per collection.
        this.versionFields = mongo.getConverter().getMappingContext().getPersistentEntities().stream()
                .filter(entity -> entity.isAnnotationPresent(PublishesEvents.class))
                .collect(java.util.stream.Collectors.toMap(MongoPersistentEntity::getCollection,
                        entity -> entity.getRequiredVersionProperty().getFieldName(), (a, b) -> a));
        // A sparse index holds only the documents that have pending events, so finding them stays cheap at any size;
        // its second key hands them to the relay oldest first without a sort in memory.
        for (String name : names) {
            mongo.getCollection(name).createIndex(
                    new Document(OutboxFields.PENDING, 1).append(OutboxFields.OLDEST_PENDING, 1),
                    new com.mongodb.client.model.IndexOptions().sparse(true).name("outbox_pending_oldest"));
        }
    }

    public List<String> names() {
        return names;
    }

    /** The field holding the version of a collection's aggregates, which every write of their events changes. */
    public String versionField(String collection) {
        return versionFields.get(collection);
    }
}
