package app.steady.platform.outbox;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the relay as soon as this instance has written events, so publishing does not wait for the next poll.
 * Polling remains for events written by other instances or before a restart.
 */
public class OutboxSignal {

    private final Semaphore written = new Semaphore(0);

    void eventsWritten() {
        if (written.availablePermits() == 0) {
            written.release();
        }
    }

    /** Waits up to {@code millis} for a write; returns early when one happens. */
    void awaitWrites(long millis) throws InterruptedException {
        if (written.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
            written.drainPermits();
        }
    }
}
