package app.steady.reminders.channels;

import app.steady.reminders.planning.ReminderKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@code steady.reminders.risk.delivery.failed{kind,channel,reason}}: every failed attempt to bring a risk flag to a
 * person (RISK_FLAG to the therapist, RISK_ESCALATION to on-call), and every flag that could not be routed to its
 * therapist. Each failure is itself an alert for operations (shared CLINICAL.md), so the counters exist at zero from
 * start-up and the alert sees the first one.
 */
@Component
public class RiskDeliveryFailures {

    /** Where it failed: a clinician channel, the pager, or none (nobody to send to). */
    static final List<String> CHANNELS = List.of("EMAIL", "WEBHOOK", "KAFKA", OnCallChannel.PAGER, "none");
    static final List<String> REASONS = List.of(DeliveryFailure.NO_ADDRESS, DeliveryFailure.NO_ON_CALL, DeliveryFailure.ERROR);

    private final MeterRegistry meters;

    RiskDeliveryFailures(MeterRegistry meters) {
        this.meters = meters;
        for (ReminderKind kind : List.of(ReminderKind.RISK_FLAG, ReminderKind.RISK_ESCALATION)) {
            for (String channel : CHANNELS) {
                REASONS.forEach(reason -> counter(kind, channel, reason));
            }
        }
    }

    public static boolean isRisk(ReminderKind kind) {
        return kind == ReminderKind.RISK_FLAG || kind == ReminderKind.RISK_ESCALATION;
    }

    public void count(ReminderKind kind, String channel, String reason) {
        counter(kind, channel, reason).increment();
    }

    private Counter counter(ReminderKind kind, String channel, String reason) {
        return Counter.builder("steady.reminders.risk.delivery.failed")
                .description("Failed attempts to bring a risk flag to a person (therapist or on-call), and flags that could not be routed")
                .tags("kind", kind.name(), "channel", channel, "reason", reason)
                .register(meters);
    }
}
