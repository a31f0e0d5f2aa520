package app.steady.platform.store;

import java.util.Collection;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Whether mongo-java-server (1.47) would serve a filter from an index ({@code AbstractUniqueIndex.canHandle}): only a
 * unique index whose keys are exactly the filter's keys, each compared with a plain value (no operator, no
 * {@code $and}/{@code $or}). Anything else reads every document of the collection. Used by the tests that keep hot
 * paths off such scans.
 */
public final class EmbeddedIndexUse {

    private EmbeddedIndexUse() {
    }

    /** @param uniqueIndexKeys the key sets of the collection's unique indexes ({@code _id} among them) */
    public static boolean usesAnIndex(BsonDocument filter, Collection<Set<String>> uniqueIndexKeys) {
        if (filter.isEmpty()) {
            return false;
        }
        for (var field : filter.entrySet()) {
            if (field.getKey().startsWith("$") || isOperatorExpression(field.getValue())) {
                return false;
            }
        }
        return uniqueIndexKeys.contains(filter.keySet());
    }

    private static boolean isOperatorExpression(BsonValue value) {
        return value.isDocument() && value.asDocument().keySet().stream().anyMatch(key -> key.startsWith("$"));
    }
}
