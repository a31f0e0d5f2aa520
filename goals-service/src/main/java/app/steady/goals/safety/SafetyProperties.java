package app.steady.goals.safety;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.goals.safety.*})
 *
 * @param allowHttpPagerUrls whether on-call pager URLs may be plain http (local runs and tests with a receiver on
 *                           localhost); otherwise only https
 * @param minEscalation      the shortest high-priority escalation delay an admin may set
 */
@ConfigurationProperties("steady.goals.safety")
public record SafetyProperties(boolean allowHttpPagerUrls, Duration minEscalation) {

    public SafetyProperties {
        minEscalation = minEscalation == null ? Duration.ofMinutes(1) : minEscalation;
    }
}
