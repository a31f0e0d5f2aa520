package app.steady.reminders.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.reminders.notifications.*}). When a risk flag goes to on-call is the tenant's setting, not this
 * service's (its safety settings' high-priority escalation time).
 *
 * @param goalCheckInCadence how often an agreed goal invites a check-in
 * @param goalCheckIns       how many check-in invitations are planned ahead when a goal is set or revised
 * @param goalCheckInTime    the client's local time for goal check-in invitations
 * @param selfCareWindow     how long a self-care prompt may still go out after the flag (within the client's boundaries)
 */
@ConfigurationProperties("steady.reminders.notifications")
public record NotificationProperties(Duration goalCheckInCadence, int goalCheckIns, LocalTime goalCheckInTime,
                                     Duration selfCareWindow) {
}
