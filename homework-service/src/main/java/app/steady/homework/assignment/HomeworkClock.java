package app.steady.homework.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import app.steady.events.EventData;
import app.steady.platform.outbox.AggregateStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What happens to homework with the passing of time: occurrences whose window closed without a completion or skip
 * become missed, and occurrences entering the horizon are published. Safe with several instances: each change is a
 * version-checked write, so an assignment another instance just handled is skipped (and its events exist once).
 */
@Component
class HomeworkClock {

    private static final Logger log = LoggerFactory.getLogger(HomeworkClock.class);

    private final AssignmentRepository assignments;
    private final AggregateStore store;
    private final HomeworkProperties properties;
    private final Clock clock;
    private final Counter missed;

    HomeworkClock(AssignmentRepository assignments, AggregateStore store, HomeworkProperties properties, Clock clock,
                  MeterRegistry meters) {
        this.assignments = assignments;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
        this.missed = Counter.builder("steady.homework.missed").description("Occurrences detected as missed")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${steady.homework.clock-interval}")
    void tick() {
        Instant now = clock.instant();
        for (Assignment assignment : assignments.findByStatusAndNextMissedCheckAtLessThanEqual(Assignment.Status.ACTIVE,
                now, PageRequest.of(0, properties.clockBatchSize()))) {
            List<EventData> events = assignment.detectMissed(now);
            if (save(assignment, events)) {
                missed.increment(events.size());
            }
        }
        Instant horizonDue = now.plus(properties.horizon()).minus(java.time.Duration.ofDays(1));
        for (Assignment assignment : assignments.findByStatusAndPublishedUntilLessThan(Assignment.Status.ACTIVE,
                horizonDue, PageRequest.of(0, properties.clockBatchSize()))) {
            save(assignment, assignment.extendHorizon(now, properties.horizon()));
        }
    }

    private boolean save(Assignment assignment, List<EventData> events) {
        try {
            store.update(assignment, assignment.tenantId(), events);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.debug("Assignment {} changed meanwhile; the next round handles it", assignment.id());
            return false;
        }
    }
}
