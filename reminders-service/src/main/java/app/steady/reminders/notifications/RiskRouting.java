package app.steady.reminders.notifications;

import app.steady.events.analytics.RiskFlagRaised;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.reminders.channels.ChannelProperties;
import app.steady.reminders.channels.ClinicianContacts;
import app.steady.reminders.channels.DeliveryFailure;
import app.steady.reminders.channels.RiskDeliveryFailures;
import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where a risk flag goes, so that it always ends at a named person (shared CLINICAL.md, "Safety signals"):
 * <ul>
 *   <li>HIGH, treating therapist reachable: to the therapist at once, and to on-call at {@code raisedAt} + the tenant's
 *       escalation time (default 15 minutes) unless acknowledged first;</li>
 *   <li>HIGH, no therapist or none reachable: to on-call at once, saying why;</li>
 *   <li>ROUTINE: to the therapist only (missed homework as a note), never on-call; with no therapist, nobody (counted).</li>
 * </ul>
 * The treating therapist is the one the flag names, else the one this service's caseload replica knows. Each
 * notification is keyed by the flag and only ever inserted here, so a redelivered flag changes nothing.
 */
@Component
class RiskRouting {

    /** Ids older analytics versions used for "no therapist". */
    private static final String UNASSIGNED = "unassigned";

    private final ReminderBook book;
    private final CaseloadDirectory caseload;
    private final ClinicianContacts contacts;
    private final ChannelProperties channels;
    private final TenantSafetyDirectory safety;
    private final RiskDeliveryFailures failures;
    private final MeterRegistry meters;

    RiskRouting(ReminderBook book, CaseloadDirectory caseload, ClinicianContacts contacts, ChannelProperties channels,
                TenantSafetyDirectory safety, RiskDeliveryFailures failures, MeterRegistry meters) {
        this.book = book;
        this.caseload = caseload;
        this.contacts = contacts;
        this.channels = channels;
        this.safety = safety;
        this.failures = failures;
        this.meters = meters;
        routed("HIGH", "therapist", "treating-therapist");
        routed("HIGH", "on-call", "no-therapist");
        routed("HIGH", "on-call", "no-contact");
        routed("ROUTINE", "therapist", "treating-therapist");
        routed("ROUTINE", "nobody", "no-therapist");
    }

    void route(String tenant, RiskFlagRaised flag) {
        Optional<String> therapist = treatingTherapistOf(tenant, flag);
        if ("HIGH".equals(flag.priority())) {
            routeHighPriority(tenant, flag, therapist);
        } else if (therapist.isPresent()) {
            ReminderKind note = "MISSED_HOMEWORK".equals(flag.kind()) ? ReminderKind.MISSED_PATTERN : ReminderKind.RISK_FLAG;
            book.add(Reminder.notification(tenant, flag.clientId(), therapist.get(), note, flag.flagId(), flag.raisedAt()));
            routed("ROUTINE", "therapist", "treating-therapist").increment();
        } else {
            // Routine signals never page on-call (alarm fatigue); the therapist sees it once the client has one.
            routed("ROUTINE", "nobody", "no-therapist").increment();
        }
    }

    private void routeHighPriority(String tenant, RiskFlagRaised flag, Optional<String> therapist) {
        if (therapist.isEmpty()) {
            book.add(Reminder.toOnCall(tenant, flag.clientId(), flag.flagId(), flag.raisedAt(), OnCallReason.NO_THERAPIST, null));
            routed("HIGH", "on-call", "no-therapist").increment();
            return;
        }
        if (!reachable(tenant, therapist.get())) {
            book.add(Reminder.toOnCall(tenant, flag.clientId(), flag.flagId(), flag.raisedAt(), OnCallReason.NO_CONTACT, null));
            failures.count(ReminderKind.RISK_FLAG, "none", DeliveryFailure.NO_ADDRESS);
            routed("HIGH", "on-call", "no-contact").increment();
            return;
        }
        Duration escalateAfter = safety.of(tenant).map(TenantSafetySettings::highPriorityEscalationAfter)
                .orElse(TenantSafetySettings.DEFAULT_HIGH_PRIORITY_ESCALATION);
        // On-call first: if the therapist's delivery fails at once, there is a waiting notification to bring forward.
        book.add(Reminder.toOnCall(tenant, flag.clientId(), flag.flagId(), flag.raisedAt().plus(escalateAfter),
                OnCallReason.NOT_ACKNOWLEDGED, escalateAfter));
        book.add(Reminder.notification(tenant, flag.clientId(), therapist.get(), ReminderKind.RISK_FLAG, flag.flagId(),
                flag.raisedAt()));
        routed("HIGH", "therapist", "treating-therapist").increment();
    }

    private Optional<String> treatingTherapistOf(String tenant, RiskFlagRaised flag) {
        String named = flag.therapistId();
        if (named != null && !named.isBlank() && !UNASSIGNED.equals(named)) {
            return Optional.of(named);
        }
        return caseload.therapistOf(tenant, flag.clientId());
    }

    /** By e-mail a therapist needs a contact address; the other channels reach them through the provider by id. */
    private boolean reachable(String tenant, String therapist) {
        return !"EMAIL".equals(channels.clinicianChannel()) || contacts.emailOf(tenant, therapist).isPresent();
    }

    private Counter routed(String priority, String route, String reason) {
        return Counter.builder("steady.reminders.flags.routed")
                .description("Risk flags by where they were sent first: the therapist, on-call, or nobody (routine, no therapist)")
                .tags("priority", priority, "route", route, "reason", reason)
                .register(meters);
    }
}
