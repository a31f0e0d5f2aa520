package app.steady.analytics.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.analytics.digest.*})
 *
 * @param dayOfWeek when the weekly digest is made
 * @param localTime at what local time
 * @param timeZone  in which zone
 * @param checkEvery how often the clock looks whether a digest is due
 */
@ConfigurationProperties("steady.analytics.digest")
public record DigestProperties(DayOfWeek dayOfWeek, LocalTime localTime, String timeZone, Duration checkEvery) {
}
