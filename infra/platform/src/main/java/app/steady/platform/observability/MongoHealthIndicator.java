package app.steady.platform.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Pings the service's own database. (Boot's indicator lists every database on the server, which needs a privilege
 * a service should not have and fails on servers that answer {@code hello} differently per database.)
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName());
    }
}
