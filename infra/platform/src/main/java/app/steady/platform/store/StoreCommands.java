package app.steady.platform.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The filters of commands sent to a store, as a command listener saw them, and the unique indexes of a collection:
 * what {@link EmbeddedIndexUse} needs to tell which of them the embedded store would answer by a scan.
 */
public final class StoreCommands {

    private StoreCommands() {
    }

    /** The filter of every find, count, update, delete and findAndModify on that collection of that database. */
    public static List<BsonDocument> filtersOn(List<BsonDocument> commands, String database, String collection) {
        List<BsonDocument> filters = new ArrayList<>();
        for (BsonDocument command : commands) {
            if (!database.equals(command.getString("$db").getValue())) {
                continue;
            }
            String name = command.getFirstKey();
            BsonValue target = command.get(name);
            if (target == null || !target.isString() || !collection.equals(target.asString().getValue())) {
                continue;
            }
            switch (name) {
                case "find", "count" -> filters.add(documentOrEmpty(command, name.equals("find") ? "filter" : "query"));
                case "findAndModify" -> filters.add(documentOrEmpty(command, "query"));
                case "update" -> command.getArray("updates").forEach(u -> filters.add(u.asDocument().getDocument("q")));
                case "delete" -> command.getArray("deletes").forEach(d -> filters.add(d.asDocument().getDocument("q")));
                default -> {
                }
            }
        }
        return filters;
    }

    /** The key sets of the collection's unique indexes, {@code _id} included. */
    public static Set<Set<String>> uniqueIndexKeys(MongoTemplate mongo, String collection) {
        Set<Set<String>> keys = new HashSet<>();
        for (Document index : mongo.getCollection(collection).listIndexes()) {
            if (Boolean.TRUE.equals(index.getBoolean("unique")) || "_id_".equals(index.getString("name"))) {
                keys.add(new HashSet<>(index.get("key", Document.class).keySet()));
            }
        }
        return keys;
    }

    private static BsonDocument documentOrEmpty(BsonDocument command, String field) {
        return command.containsKey(field) ? command.getDocument(field) : new BsonDocument();
    }
}
