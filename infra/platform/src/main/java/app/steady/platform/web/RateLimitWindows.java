package app.steady.platform.web;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import java.time.Clock;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Fixed one-minute request windows kept in the service's store, so that every instance of a service counts against
 * the same budget (the limit is the configured one, not that times the replicas). One upsert by {@code _id} per check,
 * which counts the request and answers the window's new count. Windows of past minutes are removed every minute.
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
        // Counts every request, refused ones too, and compares after: the filter is the _id alone, so the embedded
        // store serves it from its _id index (a {count: {$lt: limit}} condition would make it read every window).
        // Once a window is past its limit it stays past it for the rest of the minute, so the extra counts change
        // nothing.
        Document update = new Document("$inc", new Document("count", 1))
                .append("$setOnInsert", new Document("minute", minute));
        FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
        Document window;
        try {
            window = windows().findOneAndUpdate(new Document("_id", idOf(key, minute)), update, upsert);
        } catch (MongoException e) {
            if (e.getCode() != DUPLICATE_KEY) {
                throw e;
            }
            // Two instances created the same new window at once; the loser's update now finds it.
            window = windows().findOneAndUpdate(new Document("_id", idOf(key, minute)), update, upsert);
        }
        return window != null && window.get("count", Number.class).longValue() <= limit;
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
