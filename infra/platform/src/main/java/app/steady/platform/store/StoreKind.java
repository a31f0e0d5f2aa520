package app.steady.platform.store;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Which MongoDB this service talks to, asked once at start-up. The embedded MongoDB-wire server (mongo-java-server,
 * used by the local launcher and the tests) answers {@code buildInfo} with a version only; every MongoDB server also
 * reports the commit it was built from ({@code gitVersion}). Asked of the server, not guessed from the URI: the
 * embedded server can sit behind any host name and port.
 */
public enum StoreKind {

    /** A MongoDB server (replica set, sharded cluster, Atlas...). */
    MONGODB,
    /** mongo-java-server: serves an equality lookup from an index only when a unique index has exactly its keys. */
    EMBEDDED_WIRE_SERVER;

    public static StoreKind of(MongoTemplate mongo) {
        Document buildInfo = mongo.getDb().runCommand(new Document("buildInfo", 1));
        return buildInfo.containsKey("gitVersion") ? MONGODB : EMBEDDED_WIRE_SERVER;
    }
}
