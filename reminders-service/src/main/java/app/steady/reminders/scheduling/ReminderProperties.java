package app.steady.reminders.scheduling;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.reminders.*})
 *
 * @param leadTime           how long before an occurrence is due its reminder goes out
 * @param followUpBeforeClose how long before an occurrence's window closes a follow-up goes out if it is not done; 0 = none
 * @param dispatchInterval   how often due reminders are looked for
 * @param lease              how long a dispatcher instance may hold a reminder before another may take it over
 * @param maxAttempts        delivery attempts before a reminder is FAILED
 * @param retryBackoff       first pause between attempts (doubles)
 * @param dispatchBatch      most reminders one round claims
 */
@ConfigurationProperties("steady.reminders")
public record ReminderProperties(Duration leadTime, Duration followUpBeforeClose, Duration dispatchInterval,
                                 Duration lease, int maxAttempts, Duration retryBackoff, int dispatchBatch) {
}
