package app.steady.platform.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * Reads the documents with any of a set of values of a uniquely indexed field (the consumers' screen of a batch of
 * events: which clients are erased, which tenant each belongs to). On MongoDB that is one {@code $in} query served by
 * the index. The embedded MongoDB-wire server serves no {@code $in} from an index and would read the whole collection
 * for every batch, so there it is one equality lookup per value, each served by the unique index (issue 17).
 */
public final class KeyedReads {

    private final StoreKind kind;

    public KeyedReads(StoreKind kind) {
        this.kind = kind;
    }

    /** The documents of {@code collection} whose {@code field} (unique, indexed) is one of {@code values}. */
    public <T> List<T> whereIn(MongoTemplate mongo, String field, Collection<?> values, Class<T> type, String collection) {
        if (values.isEmpty()) {
            return List.of();
        }
        if (kind == StoreKind.MONGODB) {
            return mongo.find(Query.query(where(field).in(values)), type, collection);
        }
        List<T> found = new ArrayList<>(values.size());
        for (Object value : values) {
            T document = mongo.findOne(Query.query(where(field).is(value)), type, collection);
            if (document != null) {
                found.add(document);
            }
        }
        return found;
    }
}
