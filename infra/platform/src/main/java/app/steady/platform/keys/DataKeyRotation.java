package app.steady.platform.keys;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Master-key rotation without downtime: once a new version is first in {@code steady.keys.master-keys}, new keys are
 * wrapped under it at once, and this re-wraps the stored ones in the background (the data keys themselves do not
 * change, so nothing sealed needs re-encrypting) and republishes them on the key topic. When
 * {@code steady_keys_awaiting_rewrap} is 0 on every service, the old version can be removed from the configuration.
 * Several instances may run it at once: a re-wrap is conditional on the form it read.
 */
public class DataKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(DataKeyRotation.class);
    private static final int BATCH = 500;

    private final DataKeyStore store;
    private final DataKeyPublisher publisher;
    private final AtomicLong awaiting = new AtomicLong();

    public DataKeyRotation(DataKeyStore store, DataKeyPublisher publisher, MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        Gauge.builder("steady.keys.awaiting.rewrap", awaiting, AtomicLong::get)
                .description("Data keys still wrapped under an older master key version (0: the old one can go)")
                .register(meters);
    }

    /** Re-wraps every key under an older version; returns how many it re-wrapped. */
    @Scheduled(initialDelayString = "${steady.keys.rotation-check-every}",
            fixedDelayString = "${steady.keys.rotation-check-every}")
    public long rewrapOlderKeys() {
        long rewrapped = 0;
        try {
            List<DataKeyStore.StoredKey> older;
            String after = "";
            while (!(older = store.wrappedUnderOlderVersions(BATCH)).isEmpty()) {
                for (DataKeyStore.StoredKey key : older) {
                    if (store.rewrap(key)) {
                        rewrapped++;
                    }
                }
                publisher.wake();
                if (older.get(older.size() - 1).subject().equals(after)) {
                    break; // the same batch again: another instance is racing us; the next run finishes
                }
                after = older.get(older.size() - 1).subject();
            }
            awaiting.set(store.countUnderOlderVersions());
        } catch (RuntimeException e) {
            log.warn("Re-wrapping data keys under the current master key failed ({}); next time", e.toString());
        }
        if (rewrapped > 0) {
            log.info("Re-wrapped {} data keys under the current master key", rewrapped);
        }
        return rewrapped;
    }
}
