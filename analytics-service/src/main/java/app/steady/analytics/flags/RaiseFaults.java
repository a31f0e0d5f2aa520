package app.steady.analytics.flags;

import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Test-only chaos hooks for the cross-process safety drill: both are off by default and no deployment sets them.
 * They sit here so production code has one obvious place where faults can be injected into the raise of a flag.
 * <ul>
 *   <li>{@code steady.analytics.chaos.halt-before-raise} (boolean, default false): right after a client record with
 *       pending signs is written and before the follow-up raise, the process halts with exit code 137 (as if
 *       SIGKILLed between detecting a sign and raising its flag).</li>
 *   <li>{@code steady.analytics.chaos.fail-raises} (int, default 0): the first N raise attempts throw
 *       {@link DataAccessResourceFailureException} (the store failing during the raise).</li>
 * </ul>
 */
@Component
public class RaiseFaults {

    private static final Logger log = LoggerFactory.getLogger(RaiseFaults.class);

    private final boolean haltBeforeRaise;
    private final AtomicInteger failuresLeft;

    RaiseFaults(@Value("${steady.analytics.chaos.halt-before-raise:false}") boolean haltBeforeRaise,
                @Value("${steady.analytics.chaos.fail-raises:0}") int failRaises) {
        this.haltBeforeRaise = haltBeforeRaise;
        this.failuresLeft = new AtomicInteger(failRaises);
        if (haltBeforeRaise || failRaises > 0) {
            log.warn("Chaos hooks are on (halt-before-raise={}, fail-raises={}): for the safety drill only", haltBeforeRaise, failRaises);
        }
    }

    /** Chaos hook: halts the process between the write of detected signs and their raise, when configured. */
    public void beforeRaise() {
        if (haltBeforeRaise) {
            log.warn("Chaos: halting before the raise");
            Runtime.getRuntime().halt(137);
        }
    }

    /** Chaos hook: fails this raise attempt while configured failures are left. */
    void onRaiseAttempt() {
        if (failuresLeft.get() > 0 && failuresLeft.getAndDecrement() > 0) {
            throw new DataAccessResourceFailureException("Chaos: the store fails during the raise");
        }
    }
}
