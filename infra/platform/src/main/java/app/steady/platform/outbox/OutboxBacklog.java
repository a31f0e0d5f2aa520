package app.steady.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Measures what waits in the outbox: {@code steady.outbox.backlog} (events) and {@code steady.outbox.oldest.age}
 * (seconds since the oldest waiting event occurred). Measured on a schedule, not per scrape, and from at most
 * {@value #SAMPLE_LIMIT} pending documents per collection, so a huge backlog cannot make measuring it expensive.
 */
public class OutboxBacklog {

    static final int SAMPLE_LIMIT = 10_000;

    private final MongoTemplate mongo;
    private final OutboxCollections collections;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxBacklog(MongoTemplate mongo, OutboxCollections collections, MeterRegistry meters, Clock clock) {
        this.mongo = mongo;
        this.collections = collections;
        this.clock = clock;
        Gauge.builder("steady.outbox.backlog", backlog, AtomicLong::get)
                .description("Events accepted but not yet acknowledged by Kafka").baseUnit("events").register(meters);
        Gauge.builder("steady.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting in the outbox").baseUnit("seconds").register(meters);
    }

    @Scheduled(fixedDelayString = "${steady.outbox.metrics-interval}")
    public void measure() {
        long events = 0;
        Date oldest = null;
        for (String collection : collections.names()) {
            for (Document document : mongo.getCollection(collection)
                    .find(new Document(OutboxFields.PENDING, true))
                    .projection(new Document(OutboxFields.EVENTS + ".occurredAt", 1))
                    .limit(SAMPLE_LIMIT)) {
                List<Document> pending = document.getList(OutboxFields.EVENTS, Document.class, List.of());
                events += pending.size();
                for (Document event : pending) {
                    Date occurredAt = event.getDate("occurredAt");
                    if (occurredAt != null && (oldest == null || occurredAt.before(oldest))) {
                        oldest = occurredAt;
                    }
                }
            }
        }
        backlog.set(events);
        oldestAgeSeconds.set(oldest == null ? 0 : Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
    }

    public long backlog() {
        return backlog.get();
    }
}
