package app.steady.reminders.planning;

import java.time.Instant;

/** What to do with a reminder: send it at an instant, or suppress it for a stated reason. */
public record Decision(Instant sendAt, SuppressionReason suppressed) {

    public static Decision sendAt(Instant instant) {
        return new Decision(instant, null);
    }

    public static Decision suppress(SuppressionReason reason) {
        return new Decision(null, reason);
    }

    public boolean isSuppressed() {
        return suppressed != null;
    }
}
