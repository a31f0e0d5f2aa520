package app.steady.platform.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Event data keys and their store ({@code steady.keys.*}; docs/configuration.md).
 *
 * @param masterKeys             {@code version:base64} pairs, the current first (a secret: {@code STEADY_MASTER_KEYS})
 * @param storeUri               the key store's MongoDB connection string; empty: the service's own cluster
 * @param storeDatabase          the key store's database, apart from the service's data
 * @param publishEvery           how often unpublished keys are looked for
 * @param rotationCheckEvery     how often keys under an older master key are re-wrapped
 * @param rollEvery              how often roll markers are written to every partition of the key topic
 * @param maxWait                longest a sealed event waits for its key before it is dead-lettered
 * @param topicSegment           {@code segment.ms} of the key topic this service creates
 * @param topicMaxCompactionLag  {@code max.compaction.lag.ms} of that topic
 */
@ConfigurationProperties("steady.keys")
public record KeysProperties(String masterKeys, String storeUri, String storeDatabase, Duration publishEvery,
                             Duration rotationCheckEvery, Duration rollEvery, Duration maxWait, Duration topicSegment,
                             Duration topicMaxCompactionLag) {
}
