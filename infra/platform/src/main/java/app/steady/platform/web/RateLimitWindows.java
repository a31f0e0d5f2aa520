package app.steady.platform.web;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fixed one-minute request windows kept in the service's store, so that every instance of a service counts against
 * the same budget (the limit is the configured one, not that times the replicas). One conditional upsert per check:
 * it adds one only while the window is below its limit; at the limit the upsert collides with the window itself and
 * is refused. Windows of past minutes are removed every minute.
 */
public class RateLimitWindows {

    static final String COLLECTION = "rate_limit_windows";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final Clock clock;

    public RateLimitWindows(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    public long currentMinute() {
        return clock.millis() / 60_000;
    }

    /** Seconds until the window of {@code minute} ends (at least 1). */
    public long secondsLeftIn(long minute) {
        return Math.max(1, ((minute + 1) * 60_000 - clock.millis() + 999) / 1000);
    }

    /** Takes one request from the window if it is below {@code limit}; false when the window is full. */
    public boolean tryAcquire(String key, long minute, int limit) {
        // A plain filter document (not Filters.and): the embedded store serves it from the _id index.
        Document below = new Document("_id", idOf(key, minute)).append("count", new Document("$lt", limit));
        try {
            windows().findOneAndUpdate(below, new Document("$inc", new Document("count", 1))
                    .append("$setOnInsert", new Document("minute", minute)), new FindOneAndUpdateOptions().upsert(true));
            return true;
        } catch (MongoException e) {
            if (e.getCode() == DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** Gives back one request taken from a window (when a later check refused the request). */
    public void release(String key, long minute) {
        windows().updateOne(new Document("_id", idOf(key, minute)), new Document("$inc", new Document("count", -1)));
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    public void removePastWindows() {
        windows().deleteMany(new Document("minute", new Document("$lt", currentMinute())));
    }

    private MongoCollection<Document> windows() {
        return mongo.getCollection(COLLECTION);
    }

    private static String idOf(String key, long minute) {
        return key + "@" + minute;
    }
}
