package app.steady.platform.outbox;

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
 * @param sendTimeout      how long a round waits for Kafka's acknowledgements
 * @param metricsInterval  how often backlog size and age are measured
 */
@ConfigurationProperties("steady.outbox")
public record OutboxProperties(boolean enabled, int batchSize, Duration pollInterval, Duration retryBackoff,
                               Duration leaseDuration, Duration sendTimeout, Duration metricsInterval) {
}
