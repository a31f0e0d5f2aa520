package app.steady.platform.consuming;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.RetriableException;

/**
 * How long a sealed event may wait for its data key ({@code steady.keys.max-wait}), per record position. The wait is
 * counted ({@code steady.events.awaiting.key}) so that a key that is slow to arrive is seen before anything is
 * dead-lettered.
 */
public class KeyWait {

    /** Sends the batch back to the container, which redelivers it with back-off (a retriable, transient failure). */
    static final class DataKeyNotYetKnown extends RetriableException {
        DataKeyNotYetKnown() {
            super("A sealed event's data key has not arrived from the key topics yet; the batch is read again");
        }
    }

    private final Duration maxWait;
    private final Clock clock;
    private final Map<String, Instant> since = new ConcurrentHashMap<>();
    private final Counter waits;

    public KeyWait(Duration maxWait, Clock clock, MeterRegistry meters) {
        this.maxWait = maxWait;
        this.clock = clock;
        this.waits = meters.counter("steady.events.awaiting.key");
    }

    public Duration maxWait() {
        return maxWait;
    }

    /** Whether the record at this position has waited for its key longer than allowed (the first call starts it). */
    boolean expired(String position) {
        Instant now = clock.instant();
        Instant first = since.computeIfAbsent(position, p -> now);
        if (first.equals(now)) {
            waits.increment();
        }
        return Duration.between(first, now).compareTo(maxWait) > 0;
    }

    /** The batch with these positions went through: they wait no more. */
    void done(List<String> positions) {
        positions.forEach(since::remove);
    }
}
