package app.steady.platform.consuming;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Event consumption settings ({@code steady.consumer.*}).
 *
 * @param group                  this service's consumer group; also names its dead-letter topics
 * @param attempts               tries for an event whose handling fails for a reason other than an unreachable
 *                               store, before it is dead-lettered
 * @param retryBackoff           pause between those tries (doubled each time)
 * @param transientBackoffInitial first pause before a batch is redelivered because the store or broker is
 *                               unreachable; such batches are retried until it is back, never dead-lettered
 * @param transientBackoffMax    longest pause between those redeliveries
 */
@ConfigurationProperties("steady.consumer")
public record ConsumerProperties(String group, int attempts, Duration retryBackoff,
                                 Duration transientBackoffInitial, Duration transientBackoffMax) {
}
