package app.steady.gateway;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one place that says which service owns which path at the front door. Each path belongs to exactly one service;
 * {@code ServicePathsTest} fails when two patterns could match the same request, and the end-to-end
 * {@code FrontDoorE2E} fails when a service publishes a (non-deprecated) path that is not routed here, or that is
 * routed to another service.
 *
 * <p>Deprecated paths that collided before the front door existed ({@code /clients/{id}/progress} on goals-service,
 * {@code /clients/{id}/goals/summary} on analytics-service, {@code /audit} on all four) stay on the services for one
 * release and are not routed here: the gateway serves their successors only (docs/architecture.md, "The front door").
 */
public final class ServicePaths {

    public static final List<String> SERVICES = List.of("goals-service", "homework-service", "reminders-service",
            "analytics-service");

    private static final Map<String, List<String>> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("goals-service", List.of(
                "/audit/goals-service",
                "/tenant/safety-settings",
                "/caseload/**",
                "/clients/{clientId}/goals/**",
                "/clients/{clientId}/goal-progress",
                "/clients/{clientId}/strengths/**",
                "/clients/{clientId}/wellness-plan/**",
                "/clients/{clientId}/exports/**",
                "/clients/{clientId}/erasure",
                "/erasures/**",
                "/therapists/me/goals"));
        PATTERNS.put("homework-service", List.of(
                "/audit/homework-service",
                "/library/**",
                "/measures",
                "/clients/{clientId}/assignments/**",
                "/clients/{clientId}/agenda",
                "/clients/{clientId}/assessments",
                "/clients/{clientId}/journal/**",
                "/clients/{clientId}/mood/**"));
        PATTERNS.put("reminders-service", List.of(
                "/audit/reminders-service",
                "/clients/{clientId}/reminders",
                "/clients/{clientId}/reminder-settings",
                "/clients/{clientId}/clinical-notifications",
                "/therapists/{therapistId}/contact"));
        PATTERNS.put("analytics-service", List.of(
                "/audit/analytics-service",
                "/clients/{clientId}/progress",
                "/clients/{clientId}/summary",
                "/clients/{clientId}/goal-counts",
                "/clients/{clientId}/episodes",
                "/clients/{clientId}/flags/**",
                "/therapists/me/caseload",
                "/therapists/me/digest",
                "/tenant/outcomes",
                "/dashboard/**",
                "/webjars/**"));
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    private ServicePaths() {
    }

    /** The path patterns a service owns at the front door. */
    public static List<String> of(String service) {
        List<String> patterns = PATTERNS.get(service);
        if (patterns == null) {
            throw new IllegalArgumentException("No such service: " + service);
        }
        return patterns;
    }

    /** The service that owns a request path, if any. */
    public static Optional<String> ownerOf(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return PATTERNS.entrySet().stream()
                .filter(service -> service.getValue().stream().anyMatch(pattern -> PARSER.parse(pattern).matches(container)))
                .map(Map.Entry::getKey)
                .findFirst();
    }

    /** Every pattern, parsed, with its service: for the router and for the overlap check. */
    static Map<String, List<PathPattern>> parsed() {
        Map<String, List<PathPattern>> parsed = new LinkedHashMap<>();
        PATTERNS.forEach((service, patterns) -> parsed.put(service, patterns.stream().map(PARSER::parse).toList()));
        return parsed;
    }
}
