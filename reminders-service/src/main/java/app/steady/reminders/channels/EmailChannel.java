package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.scheduling.Reminder;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Notifications for clinicians by e-mail over SMTP ({@code spring.mail.*}): to the therapist at their contact address,
 * and to on-call clinicians reached by e-mail ({@link OnCallChannel}). Messages name no client beyond their id and link
 * to the dashboard; flags are worded as context for a clinician, not a diagnosis, and on-call is told why it is them.
 */
@Component
class EmailChannel implements ReminderChannel {

    /** Every flag travels worded as what it is (shared CLINICAL.md). */
    static final String NOT_A_DIAGNOSIS = "It is context for your clinical judgement, not a diagnosis.";

    private final JavaMailSender mail;
    private final ClinicianContacts contacts;
    private final String from;
    private final String dashboard;

    EmailChannel(JavaMailSender mail, ClinicianContacts contacts,
                 @Value("${steady.reminders.email.from}") String from,
                 @Value("${steady.dashboard.base-url}") String dashboard) {
        this.mail = mail;
        this.contacts = contacts;
        this.from = from;
        this.dashboard = dashboard;
    }

    @Override
    public String name() {
        return "EMAIL";
    }

    /** To the therapist the notification is for; one without an e-mail contact fails at once (nothing to retry). */
    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) {
        String to = contacts.emailOf(reminder.tenantId(), reminder.recipientId()).map(ClinicianContacts.Contact::email)
                .orElseThrow(() -> DeliveryFailure.permanent(name(), DeliveryFailure.NO_ADDRESS,
                        "No e-mail address for " + reminder.recipientId() + " in tenant " + reminder.tenantId()));
        send(to, reminder);
        return List.of();
    }

    /** To one of the tenant's on-call clinicians. */
    void sendToOnCall(String address, Reminder reminder) {
        send(address, reminder);
    }

    private void send(String to, Reminder reminder) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subjectOf(reminder));
        message.setText(bodyOf(reminder));
        mail.send(message);
    }

    private static String subjectOf(Reminder reminder) {
        return switch (reminder.kind()) {
            case RISK_FLAG -> "Steady: a client needs your attention";
            case RISK_ESCALATION -> "Steady: a high-priority risk flag needs an on-call clinician";
            case MISSED_PATTERN -> "Steady: a client has missed several homework sessions";
            case DIGEST -> "Steady: your weekly caseload digest";
            default -> "Steady";
        };
    }

    /** Why a flag came to on-call, in plain words. */
    static String whyOnCall(Reminder reminder) {
        return reasonOf(reminder).explain(reminder.escalationAfter());
    }

    /** Notifications stored before reasons were kept waited for the escalation time. */
    static OnCallReason reasonOf(Reminder reminder) {
        return reminder.onCallReason() == null ? OnCallReason.NOT_ACKNOWLEDGED : reminder.onCallReason();
    }

    private String bodyOf(Reminder reminder) {
        String link = dashboard + "/dashboard/clients/" + reminder.clientId();
        return switch (reminder.kind()) {
            case RISK_FLAG -> "A risk flag was raised for client " + reminder.clientId() + ". " + NOT_A_DIAGNOSIS
                    + " Review and acknowledge it: " + link;
            case RISK_ESCALATION -> "A high-priority risk flag for client " + reminder.clientId()
                    + " needs an on-call clinician. It came to on-call because " + whyOnCall(reminder) + ". "
                    + NOT_A_DIAGNOSIS + " Review and acknowledge it: " + link;
            case MISSED_PATTERN -> "Client " + reminder.clientId() + " has missed several homework sessions. "
                    + NOT_A_DIAGNOSIS + " You may want to talk about it together: " + link;
            case DIGEST -> "Your weekly caseload digest is ready: " + dashboard + "/dashboard";
            default -> link;
        };
    }
}
