package app.steady.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;

class ServicePathsTest {

    /**
     * For every pattern, requests it matches (its variables and wildcards filled in) must match no other service's
     * pattern: two services never claim the same path at the front door.
     */
    @Test
    void noTwoServicesClaimTheSamePath() {
        Map<String, List<PathPattern>> parsed = ServicePaths.parsed();
        List<String> overlaps = new ArrayList<>();
        parsed.forEach((service, patterns) -> {
            for (PathPattern pattern : patterns) {
                for (String path : requestsMatching(pattern.getPatternString())) {
                    parsed.forEach((other, otherPatterns) -> {
                        if (!other.equals(service) && otherPatterns.stream()
                                .anyMatch(candidate -> candidate.matches(PathContainer.parsePath(path)))) {
                            overlaps.add(path + " (" + service + " and " + other + ")");
                        }
                    });
                }
            }
        });
        assertThat(overlaps).isEmpty();
    }

    @Test
    void theFormerlyCollidingPathsHaveOneOwnerEach() {
        assertThat(ServicePaths.ownerOf("/clients/c1/progress")).contains("analytics-service");
        assertThat(ServicePaths.ownerOf("/clients/c1/goal-progress")).contains("goals-service");
        assertThat(ServicePaths.ownerOf("/clients/c1/goals/summary")).as("a goal id, at goals-service")
                .contains("goals-service");
        assertThat(ServicePaths.ownerOf("/clients/c1/goal-counts")).contains("analytics-service");
        assertThat(ServicePaths.ownerOf("/tenant/safety-settings")).contains("goals-service");
        assertThat(ServicePaths.ownerOf("/tenant/outcomes")).contains("analytics-service");
        assertThat(ServicePaths.ownerOf("/audit/homework-service")).contains("homework-service");
        assertThat(ServicePaths.ownerOf("/audit")).as("each service's trail at a path of its own").isEmpty();
        assertThat(ServicePaths.ownerOf("/actuator/prometheus")).as("no service's actuator at the front door").isEmpty();
    }

    /** Sample requests a pattern matches: each variable a segment, each {@code **} nothing and two segments. */
    private static List<String> requestsMatching(String pattern) {
        String filled = pattern.replaceAll("\\{[^/}]+}", "x").replace("/*/", "/x/");
        if (!filled.endsWith("/**")) {
            return List.of(filled);
        }
        String base = filled.substring(0, filled.length() - "/**".length());
        return List.of(base, base + "/a", base + "/a/b");
    }
}
