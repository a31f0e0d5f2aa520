package app.steady.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the services are and how the edge behaves ({@code steady.gateway.*}; docs/configuration.md).
 *
 * @param services     the base URI of each service, by its name (goals-service, homework-service, …)
 * @param allowedOrigins the app origins a browser may call from (CORS); none allows only same-origin use
 * @param rateLimit    the edge limit per caller address
 * @param docsTimeout  how long the merged OpenAPI document waits for each service's own
 */
@ConfigurationProperties("steady.gateway")
public record GatewayProperties(
        Map<String, URI> services,
        @DefaultValue List<String> allowedOrigins,
        @DefaultValue RateLimit rateLimit,
        @DefaultValue("PT5S") Duration docsTimeout) {

    public GatewayProperties {
        for (String service : ServicePaths.SERVICES) {
            if (services == null || services.get(service) == null) {
                throw new IllegalArgumentException("steady.gateway.services." + service + " must name the service's base URI");
            }
        }
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public URI serviceUri(String service) {
        return services.get(service);
    }

    /**
     * A token bucket per caller address: {@code requestsPerSecond} on average, bursts up to {@code burst}.
     *
     * @param enabled off only where another layer limits the edge
     */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("50") int requestsPerSecond,
                            @DefaultValue("200") int burst, @DefaultValue("100000") int maxTrackedCallers) {

        public RateLimit {
            if (requestsPerSecond < 1 || burst < 1 || maxTrackedCallers < 1) {
                throw new IllegalArgumentException("steady.gateway.rate-limit.* must be positive");
            }
        }
    }
}
