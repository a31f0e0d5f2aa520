package app.steady.reminders.notifications;

import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.reminders.notifications.*})
 *
 * @param escalateAfter      a risk flag not acknowledged within this goes to the tenant's on-call contact
 * @param missesInARow       this many missed occurrences of one assignment in a row make a note to the therapist
 * @param goalCheckInCadence how often an agreed goal invites a check-in
 * @param goalCheckIns       how many check-in invitations are planned ahead when a goal is set or revised
 * @param goalCheckInTime    the client's local time for goal check-in invitations
 * @param selfCareWindow     how long a self-care prompt may still go out after the flag (within the client's boundaries)
 */
@ConfigurationProperties("steady.reminders.notifications")
public record NotificationProperties(Duration escalateAfter, int missesInARow, Duration goalCheckInCadence,
                                     int goalCheckIns, LocalTime goalCheckInTime, Duration selfCareWindow) {
}
