package app.steady.platform.outbox;

import app.steady.platform.consuming.ConsumptionLedger;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Outbox relay settings ({@code steady.outbox.*}).
 *
 * @param enabled          whether this instance runs a relay (one instance per service holds the lease at a time)
 * @param batchSize        most aggregate documents with pending events taken per round
 * @param pollInterval     how long the relay waits for new events before looking again when idle
 * @param retryBackoff     pause after Kafka refused a round, before the next try
 * @param leaseDuration    how long the relay lease lasts without renewal (an instance that dies is replaced after this)
 * @param sendTimeout      how long Kafka may take to acknowledge a round's events (the relay producer's delivery
 *                         timeout) before the round is aborted and sent again
 * @param metricsInterval  how often backlog size and age are measured
 * @param recoveryInterval how often the relay looks for documents with pending events missing from its work list
 *                         (their service died between the aggregate write and the work-list entry); each look reads
 *                         every aggregate collection for the pending flag
 * @param maxEventsPerSubject most events of one client (event subject) published per round; at most
 *                         {@link #MAX_EVENTS_PER_SUBJECT_LIMIT}, half of the event ids every consumer remembers per
 *                         topic and document, so that a round sent again after a relay crash is still recognised
 */
@ConfigurationProperties("steady.outbox")
public record OutboxProperties(boolean enabled, int batchSize, Duration pollInterval, Duration retryBackoff,
                               Duration leaseDuration, Duration sendTimeout, Duration metricsInterval,
                               int maxEventsPerSubject, Duration recoveryInterval) {

    public static final int MAX_EVENTS_PER_SUBJECT_LIMIT = ConsumptionLedger.MAX_RESENT_PER_SUBJECT;

    public OutboxProperties {
        if (maxEventsPerSubject < 1 || maxEventsPerSubject > MAX_EVENTS_PER_SUBJECT_LIMIT) {
            throw new IllegalArgumentException("steady.outbox.max-events-per-subject must be between 1 and "
                    + MAX_EVENTS_PER_SUBJECT_LIMIT + ", not " + maxEventsPerSubject);
        }
    }
}
