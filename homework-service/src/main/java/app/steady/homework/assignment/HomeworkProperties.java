package app.steady.homework.assignment;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.homework.*})
 *
 * @param horizon        how far ahead occurrences are published in events (reminders schedule from them)
 * @param clockInterval  how often missed occurrences are detected and the horizon moved on
 * @param clockBatchSize most assignments handled per round of each
 */
@ConfigurationProperties("steady.homework")
public record HomeworkProperties(Duration horizon, Duration clockInterval, int clockBatchSize) {
}
