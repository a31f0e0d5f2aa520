package app.steady.reminders.channels;

import app.steady.events.EventData;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.Reminder;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Notifications for clinicians by e-mail over SMTP ({@code spring.mail.*}). Messages name no client beyond their id
 * and link to the dashboard; flags are worded as context for a clinician, not a diagnosis.
 */
@Component
class EmailChannel implements ReminderChannel {

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

    @Override
    public List<EventData> deliver(Reminder reminder, ChannelSettings settings) {
        String to = reminder.kind() == ReminderKind.RISK_ESCALATION ? settings.onCallEmail()
                : contacts.emailOf(reminder.tenantId(), reminder.recipientId()).map(ClinicianContacts.Contact::email).orElse(null);
        if (to == null) {
            throw new IllegalStateException("No e-mail address for " + reminder.recipientId() + " in tenant " + reminder.tenantId());
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subjectOf(reminder));
        message.setText(bodyOf(reminder));
        mail.send(message);
        return List.of();
    }

    private static String subjectOf(Reminder reminder) {
        return switch (reminder.kind()) {
            case RISK_FLAG -> "Steady: a client needs your attention";
            case RISK_ESCALATION -> "Steady: an unacknowledged risk flag needs an on-call clinician";
            case MISSED_PATTERN -> "Steady: a client has missed several homework sessions";
            case DIGEST -> "Steady: your weekly caseload digest";
            default -> "Steady";
        };
    }

    private String bodyOf(Reminder reminder) {
        String link = dashboard + "/dashboard/clients/" + reminder.clientId();
        return switch (reminder.kind()) {
            case RISK_FLAG, RISK_ESCALATION -> "A risk flag was raised for client " + reminder.clientId()
                    + ". It is context for your clinical judgement, not a diagnosis. Review and acknowledge it: " + link;
            case MISSED_PATTERN -> "Client " + reminder.clientId() + " has missed several homework sessions in a row."
                    + " They will not be reminded more; you may want to talk about it: " + link;
            case DIGEST -> "Your weekly caseload digest is ready: " + dashboard + "/dashboard";
            default -> link;
        };
    }
}
