package app.steady.goals.safety;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.goals.safety.*})
 *
 * @param allowHttpPagerUrls whether on-call pager URLs may be plain http (local runs and tests with a receiver on
 *                           localhost); otherwise only https
 * @param minEscalation      the shortest high-priority escalation delay an admin may set
 * @param allowPrivatePagerHosts whether pager URLs may name private, loopback or internal hosts (local runs and tests
 *                           with a receiver on this machine); otherwise refused, so a tenant's settings cannot aim
 *                           reminders-service's requests inside the provider's network
 */
@ConfigurationProperties("steady.goals.safety")
public record SafetyProperties(boolean allowHttpPagerUrls, Duration minEscalation, boolean allowPrivatePagerHosts) {

    public SafetyProperties {
        minEscalation = minEscalation == null ? Duration.ofMinutes(1) : minEscalation;
    }
}
