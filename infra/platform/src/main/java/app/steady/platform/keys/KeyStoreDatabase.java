package app.steady.platform.keys;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Where a service keeps its keys: a database of its own ({@code steady.keys.store-database}), on a separate cluster
 * when {@code steady.keys.store-uri} is set. Kept apart so that the data's backups never carry the keys that open it
 * (docs/operations.md, "Backups and the key store").
 */
public final class KeyStoreDatabase implements AutoCloseable {

    private final MongoTemplate template;
    private final MongoClient ownClient;

    private KeyStoreDatabase(MongoTemplate template, MongoClient ownClient) {
        this.template = template;
        this.ownClient = ownClient;
    }

    public static KeyStoreDatabase of(KeysProperties keys, MongoClient serviceMongo) {
        if (keys.storeDatabase() == null || keys.storeDatabase().isBlank()) {
            throw new IllegalStateException("steady.keys.store-database must name the key store's database");
        }
        if (keys.storeUri() == null || keys.storeUri().isBlank()) {
            return new KeyStoreDatabase(new MongoTemplate(serviceMongo, keys.storeDatabase()), null);
        }
        MongoClient own = MongoClients.create(keys.storeUri());
        return new KeyStoreDatabase(new MongoTemplate(own, keys.storeDatabase()), own);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Whether the key store is on a cluster of its own. */
    public boolean separateCluster() {
        return ownClient != null;
    }

    @Override
    public void close() {
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
