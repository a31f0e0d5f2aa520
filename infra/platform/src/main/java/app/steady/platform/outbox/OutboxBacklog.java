package app.steady.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Measures what waits in the outbox: {@code steady.outbox.backlog} (events) and {@code steady.outbox.oldest.age}
 * (seconds since the oldest waiting event occurred), from the relay's {@link PendingWork work list}, and
 * {@code steady.outbox.deferred} (entries of that list this instance still holds because the store failed). Measured on a
 * schedule, not per scrape, and from at most {@value #SAMPLE_LIMIT} waiting documents, so a huge backlog cannot make
 * measuring it expensive.
 */
public class OutboxBacklog {

    static final int SAMPLE_LIMIT = 10_000;

    private final PendingWork pendingWork;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxBacklog(PendingWork pendingWork, MeterRegistry meters, Clock clock) {
        this.pendingWork = pendingWork;
        this.clock = clock;
        Gauge.builder("steady.outbox.backlog", backlog, AtomicLong::get)
                .description("Events accepted but not yet acknowledged by Kafka").baseUnit("events").register(meters);
        Gauge.builder("steady.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest event waiting in the outbox").baseUnit("seconds").register(meters);
        // Live, from this instance's memory: writes whose work-list entry the store failed to take.
        Gauge.builder("steady.outbox.deferred", pendingWork, PendingWork::deferredCount)
                .description("Documents with events this instance stored but could not yet put on the relay's work list")
                .baseUnit("entries").register(meters);
    }

    @Scheduled(fixedDelayString = "${steady.outbox.metrics-interval}")
    public void measure() {
        PendingWork.Backlog waiting = pendingWork.backlog(SAMPLE_LIMIT);
        backlog.set(waiting.events());
        oldestAgeSeconds.set(waiting.oldest() == null ? 0
                : Math.max(0, Duration.between(waiting.oldest().toInstant(), clock.instant()).toSeconds()));
    }

    public long backlog() {
        return backlog.get();
    }
}
