package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * What a new user meets after the README's run command, found by doing what they would do: start it on a fresh data
 * directory (no {@code --demo}; {@link LaunchedSteady}), read the banner, open its URLs, paste its example lines. Also the front door over
 * the real services: the merged OpenAPI document has no path two services claim and none the gateway cannot route.
 */
@Order(LaunchedSteady.SUITE_ORDER)
class LauncherE2E {

    private static final Path ROOT = ExternalTools.ROOT;
    private static LaunchedSteady steady;
    private static String banner;

    @BeforeAll
    static void startTheLauncherAsANewUserWould() {
        steady = LaunchedSteady.get();
        banner = steady.banner;
    }

    @Test
    void theBannerPrintsOneUrlForEverythingAndSaysMetricsNeedTheOperatorToken() throws Exception {
        String front = front();
        assertThat(banner).contains("Client app:          " + front + "/app/")
                .contains("Therapist dashboard: " + front + "/dashboard   (sign in as therapist-1")
                .as("no token in a URL").doesNotContain("#token=")
                .contains("OpenAPI UI: " + front + "/swagger-ui.html")
                .contains("its metrics need the operator token");
        Http.Response dashboard = Http.send("GET", front + "/dashboard", null, null);
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.body()).contains("<html");
        assertThat(Http.send("GET", front + "/swagger-ui.html", null, null).status()).isIn(200, 302);
    }

    /** Each "Try" line, pasted as is into a shell that sourced the token file, answers 2xx on a fresh start. */
    @Test
    void everyExampleLineOfTheBannerWorksOnAFreshStart() {
        ExternalTools.require("curl", "apt-get install -y curl");
        List<String> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String example : examples) {
            ExternalTools.Result result = ExternalTools.run(ROOT, null, null, Duration.ofSeconds(30), "bash", "-c",
                    "source '" + steady.dataDir.resolve("tokens.env") + "' && " + example + " -sS -o /dev/null -w '%{http_code}'");
            answers.put(example, result.stdout().trim());
        }
        assertThat(answers).allSatisfy((example, status) -> assertThat(status).as(example).startsWith("2"));
    }

    @Test
    void theMergedApiDocumentHasNoPathTwoServicesClaimAndNoneLeftUnrouted() throws Exception {
        Http.Response merged = Http.send("GET", front() + "/v3/api-docs", null, null);
        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body())
                .contains("\"x-steady-collisions\":[]", "\"x-steady-unrouted\":[]", "\"x-steady-unavailable\":[]")
                .contains("\"/clients/{clientId}/goal-progress\"", "\"/clients/{clientId}/goal-counts\"",
                        "\"/clients/{clientId}/progress\"", "\"/clients/{clientId}/mood\"",
                        "\"/clients/{clientId}/reminder-settings\"")
                .contains("/clients/{clientId}/progress (goals-service)", "/clients/{clientId}/goals/summary (analytics-service)");
    }

    private static String front() {
        return steady.front();
    }

    private static List<String> examples() {
        List<String> examples = new ArrayList<>();
        boolean inTry = false;
        for (String line : banner.lines().toList()) {
            if (line.startsWith("Try (after: source ")) {
                inTry = true;
            } else if (inTry && line.startsWith("  curl ")) {
                examples.add(line.trim());
            } else if (inTry && !line.isBlank()) {
                break;
            }
        }
        return examples;
    }
}
