package app.steady.platform.caseload;

import app.steady.events.EventType;
import app.steady.events.goals.CaseloadHeartbeat;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ReceivedEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far behind goals-service this service's copy of the caseload may be: the age of the oldest of the latest
 * heartbeats applied on each lane. Until a heartbeat has been applied on every lane the copy counts as not current
 * (a service started during an outage cannot know what it missed). Held in memory: after a restart the copy is
 * current again once the consumer has caught up with a round of heartbeats.
 */
public class CaseloadFreshness implements EventHandler {

    private final Duration maxStaleness;
    private final Clock clock;
    private final Map<String, Instant> latestByLane = new ConcurrentHashMap<>();
    private volatile int lanes;

    /** @param maxStaleness the bound ({@code steady.caseload.max-staleness}); zero switches the check off */
    public CaseloadFreshness(Duration maxStaleness, Clock clock, MeterRegistry meters) {
        this.maxStaleness = maxStaleness;
        this.clock = clock;
        Gauge.builder("steady.caseload.staleness", this, f -> f.staleness().map(Duration::toMillis).orElse(-1L) / 1000.0)
                .description("Seconds since the oldest caseload heartbeat applied on each lane (-1: not every lane yet)")
                .baseUnit("seconds").register(meters);
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.CASELOAD_HEARTBEAT);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        for (ReceivedEvent<?> event : events) {
            CaseloadHeartbeat heartbeat = (CaseloadHeartbeat) event.data();
            lanes = heartbeat.lanes();
            latestByLane.merge(heartbeat.lane(), heartbeat.sentAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    public boolean isEnabled() {
        return !maxStaleness.isZero();
    }

    public Duration maxStaleness() {
        return maxStaleness;
    }

    /** Whether therapist reads may be answered from the copy. */
    public boolean isCurrent() {
        return !isEnabled() || staleness().filter(age -> age.compareTo(maxStaleness) <= 0).isPresent();
    }

    /** The age of the oldest lane's latest heartbeat; empty until every lane has had one. */
    public Optional<Duration> staleness() {
        int expected = lanes;
        if (expected == 0 || latestByLane.size() < expected) {
            return Optional.empty();
        }
        Instant oldest = latestByLane.values().stream().min(Instant::compareTo).orElseThrow();
        return Optional.of(Duration.between(oldest, clock.instant()));
    }
}
