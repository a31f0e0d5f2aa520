package app.steady.e2e;

import static app.steady.e2e.ExternalTools.ROOT;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment and operations files are valid, offline, with the tools operators use on them: the compose stack
 * ({@code docker-compose config}), both Kustomize overlays rendered by {@code kubectl kustomize} and checked against
 * the schemas of every kind ({@code infra/k8s/validate}), the alert rules and their unit tests ({@code promtool}),
 * the Grafana dashboards, and each alert's runbook link into docs/operations.md. Needs no service.
 *
 * <p>Tools (CI installs them; a missing one fails with the package to install): Debian's {@code docker-compose} and
 * {@code prometheus} (promtool); {@code kubectl} with kustomize v5 and Node.js with npm, which the machine image has.
 */
class DeploymentFilesIT {

    static final Duration TOOL_TIMEOUT = Duration.ofMinutes(3);
    static final Path VALIDATOR = ROOT.resolve("infra/k8s/validate");

    @TempDir
    Path scratch;

    // ---- (a) docker compose ----------------------------------------------------------------------------------------

    @Test
    void theComposeStackIsValidWithTheDocumentedEnvironment() throws IOException {
        ExternalTools.require("docker-compose", "apt-get install -y docker-compose (Debian's docker-compose 1.29 "
                + "validates offline, no Docker engine needed)");
        Path envFile = throwawayComposeEnvironment();

        ExternalTools.Result config = compose(envFile, ROOT.resolve("infra/compose/docker-compose.yml"));

        assertThat(config.exitCode()).as(config.describe()).isZero();
        assertThat(config.stderr()).as("variables the compose file uses that .env.example does not set")
                .doesNotContain("variable is not set");
    }

    @Test
    void composeValidationCatchesABrokenFile() throws IOException {
        ExternalTools.require("docker-compose", "apt-get install -y docker-compose");
        Path envFile = throwawayComposeEnvironment();
        String original = Files.readString(ROOT.resolve("infra/compose/docker-compose.yml"));
        String broken = original.replaceFirst("(?m)^(    restart: unless-stopped)$", "$1\n    not_a_compose_option: true");
        assertThat(broken).isNotEqualTo(original);
        Path brokenFile = Files.writeString(scratch.resolve("docker-compose.yml"), broken);

        ExternalTools.Result config = compose(envFile, brokenFile);

        assertThat(config.exitCode()).as(config.describe()).isNotZero();
        assertThat(config.stdout() + config.stderr()).contains("not_a_compose_option");
    }

    /** {@code docker-compose config -q} of a file, relative paths resolved in infra/compose as for the real file. */
    private ExternalTools.Result compose(Path envFile, Path composeFile) {
        return ExternalTools.run(ROOT.resolve("infra/compose"), ExternalTools.cleanEnvironment(scratch), null,
                TOOL_TIMEOUT, "docker-compose", "--env-file", envFile.toString(), "--project-directory",
                ROOT.resolve("infra/compose").toString(), "-f", composeFile.toString(), "config", "-q");
    }

    /**
     * The environment an operator makes by following .env.example: its values as they are, and a secrets directory
     * holding every secret file the compose file names, with placeholder contents (no real secret anywhere).
     */
    private Path throwawayComposeEnvironment() throws IOException {
        Path secrets = Files.createDirectories(scratch.resolve("secrets"));
        String compose = Files.readString(ROOT.resolve("infra/compose/docker-compose.yml"));
        Matcher secretFile = Pattern.compile("\\$\\{STEADY_SECRETS_DIR:-\\./secrets}/([A-Za-z0-9_.-]+)").matcher(compose);
        int secretFiles = 0;
        while (secretFile.find()) {
            Files.writeString(secrets.resolve(secretFile.group(1)), "placeholder-not-a-secret\n");
            secretFiles++;
        }
        assertThat(secretFiles).as("secret files named in docker-compose.yml").isPositive();
        List<String> environment = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("infra/compose/.env.example"))) {
            environment.add(line.startsWith("STEADY_SECRETS_DIR=") ? "STEADY_SECRETS_DIR=" + secrets : line);
        }
        return Files.write(scratch.resolve("compose.env"), environment);
    }

    // ---- (b) Kubernetes --------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"dev", "production"})
    void eachOverlayRendersAndEveryObjectMatchesItsSchema(String overlay) {
        String rendered = kustomize(overlay);

        ExternalTools.Result validation = validate(rendered);

        assertThat(validation.exitCode()).as(validation.describe()).isZero();
        assertThat(validation.stdout()).contains("objects are valid").contains("Deployment");
    }

    @Test
    void schemaValidationRejectsBrokenObjectsAndUnknownKinds() {
        String rendered = kustomize("dev");
        String broken = rendered.replaceFirst("(?m)^  revisionHistoryLimit: \\d+$", "  revisionHistoryLimit: \"five\"")
                .replaceFirst("(?m)^  partitions: \\d+$", "  partitions: \"many\"");
        assertThat(broken).as("the rendered dev overlay has a Deployment and a KafkaTopic to break")
                .contains("revisionHistoryLimit: \"five\"", "partitions: \"many\"");

        ExternalTools.Result wrongTypes = validate(broken);
        assertThat(wrongTypes.exitCode()).as(wrongTypes.describe()).isEqualTo(1);
        assertThat(wrongTypes.stderr()).contains("revisionHistoryLimit must be integer", "partitions must be integer",
                "2 of ");

        ExternalTools.Result unknownKind = validate(rendered + "---\napiVersion: apps/v1\nkind: Deploymnet\n"
                + "metadata: {name: typo}\n");
        assertThat(unknownKind.exitCode()).as(unknownKind.describe()).isEqualTo(1);
        assertThat(unknownKind.stderr()).contains("Deploymnet");
    }

    private String kustomize(String overlay) {
        ExternalTools.require("kubectl", "kubectl with kustomize v5 (the machine image's apt package 'kubectl'; "
                + "Debian's 'kubernetes-client' is 1.20 with kustomize v2 and cannot render these overlays)");
        ExternalTools.Result render = ExternalTools.run(ROOT, null, null, TOOL_TIMEOUT, "kubectl", "kustomize",
                "infra/k8s/overlays/" + overlay);
        assertThat(render.exitCode()).as(render.describe()).isZero();
        assertThat(render.stdout()).as("rendered " + overlay).contains("kind: Deployment");
        return render.stdout();
    }

    private ExternalTools.Result validate(String manifests) {
        ExternalTools.require("node", "apt-get install -y nodejs npm (Node.js 20+; the machine image has it)");
        installValidatorDependencies();
        return ExternalTools.run(ROOT, null, manifests, TOOL_TIMEOUT, "node", "infra/k8s/validate/validate.mjs");
    }

    /** {@code npm ci} in infra/k8s/validate when its node_modules are missing (from the lock file, as documented). */
    private static synchronized void installValidatorDependencies() {
        if (Files.isDirectory(VALIDATOR.resolve("node_modules/kubernetes-models"))
                && Files.isDirectory(VALIDATOR.resolve("node_modules/js-yaml"))) {
            return;
        }
        ExternalTools.require("npm", "apt-get install -y npm (or Node.js from a distribution that bundles npm)");
        ExternalTools.Result install = ExternalTools.run(VALIDATOR, null, null, Duration.ofMinutes(8), "npm", "ci",
                "--no-audit", "--no-fund");
        assertThat(install.exitCode()).as(install.describe()).isZero();
    }

    // ---- (c) Prometheus rules --------------------------------------------------------------------------------------

    @Test
    void alertRulesAreValidAndTheirUnitTestsPass() {
        requirePromtool();

        ExternalTools.Result check = ExternalTools.run(ROOT, null, null, TOOL_TIMEOUT, "promtool", "check", "rules",
                "infra/observability/prometheus/rules/steady-alerts.yml");
        assertThat(check.exitCode()).as(check.describe()).isZero();

        ExternalTools.Result unitTests = ExternalTools.run(ROOT, null, null, TOOL_TIMEOUT, "promtool", "test", "rules",
                "infra/observability/prometheus/tests/steady-alerts.test.yml");
        assertThat(unitTests.exitCode()).as(unitTests.describe()).isZero();
        assertThat(unitTests.stdout() + unitTests.stderr()).contains("SUCCESS");

        ExternalTools.Result config = ExternalTools.run(ROOT, null, null, TOOL_TIMEOUT, "promtool", "check", "config",
                "--syntax-only", "infra/observability/prometheus/prometheus.yml");
        assertThat(config.exitCode()).as(config.describe()).isZero();
    }

    private static void requirePromtool() {
        ExternalTools.require("promtool", "apt-get install -y prometheus (Debian's package ships /usr/bin/promtool)");
    }

    // ---- (d) dashboards and runbooks -------------------------------------------------------------------------------

    @Test
    void everyDashboardParsesAndQueriesSomething() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        List<Path> dashboards = dashboards();
        assertThat(dashboards).as("Grafana dashboards").isNotEmpty();
        Set<String> uids = new LinkedHashSet<>();
        for (Path dashboard : dashboards) {
            JsonNode root = json.readTree(Files.readString(dashboard));
            assertThat(root.path("uid").asString("")).as(dashboard + " uid").isNotBlank();
            assertThat(uids.add(root.path("uid").asString())).as(dashboard + " has a uid of its own").isTrue();
            assertThat(root.path("title").asString("")).as(dashboard + " title").isNotBlank();
            List<String> expressions = new ArrayList<>();
            root.findValues("expr").forEach(expr -> expressions.add(expr.asString("")));
            assertThat(expressions).as(dashboard + " queries").isNotEmpty().allSatisfy(expr ->
                    assertThat(expr).as(dashboard + " expr").isNotBlank());
        }
    }

    @Test
    void everyAlertLinksARunbookHeadingInTheOperationsGuide() throws IOException {
        Set<String> anchors = markdownAnchors(ROOT.resolve("docs/operations.md"));
        List<Map<String, Object>> alerts = alertRules();
        assertThat(alerts).as("alert rules").isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> rule : alerts) {
            String alert = String.valueOf(rule.get("alert"));
            Object annotations = rule.get("annotations");
            Object url = annotations instanceof Map<?, ?> map ? map.get("runbook_url") : null;
            if (!(url instanceof String runbook) || !runbook.contains("#")) {
                problems.add(alert + ": no runbook_url with an anchor");
                continue;
            }
            String path = runbook.substring(0, runbook.indexOf('#'));
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            if (!path.endsWith("docs/operations.md")) {
                problems.add(alert + ": runbook_url " + runbook + " does not point into docs/operations.md");
            }
            if (!anchors.contains(anchor)) {
                problems.add(alert + ": runbook_url " + runbook + " has no heading '" + anchor + "' in docs/operations.md");
            }
            if (!anchor.equals(alert.toLowerCase(Locale.ROOT))) {
                problems.add(alert + ": the runbook anchor should be the alert name in lower case, not " + anchor);
            }
            Object labels = rule.get("labels");
            Object severity = labels instanceof Map<?, ?> map ? map.get("severity") : null;
            if (!"critical".equals(severity) && !"warning".equals(severity)) {
                problems.add(alert + ": severity must be critical or warning (Alertmanager routes on it), not " + severity);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theObservabilityReadmeListsExactlyTheMetricsTheDashboardsAndAlertsUse() throws IOException {
        String readme = Files.readString(ROOT.resolve("infra/observability/README.md"));
        int section = readme.indexOf("## All metric names used");
        assertThat(section).as("README section 'All metric names used'").isNotNegative();
        Set<String> listed = new java.util.TreeSet<>();
        Matcher item = Pattern.compile("(?m)^- `([A-Za-z_:][A-Za-z0-9_:]*)`").matcher(readme.substring(section));
        while (item.find()) {
            listed.add(item.group(1));
        }

        assertThat(PromQl.metricsUsed().keySet()).as("metric names in the dashboards' and alerts' expressions")
                .containsExactlyInAnyOrderElementsOf(listed);
    }

    @Test
    void metricNamesAreFoundInPromQlWithoutFunctionsKeywordsOrLabels() {
        assertThat(PromQl.metricNames("""
                sum by (application, le) (rate(http_server_requests_seconds_bucket{uri!~"/actuator.*", \
                application=~"$application"}[5m])) / on (instance) group_left (version) build_info \
                or count by (application, topic) (count_over_time(steady_events_dead_lettered_total[15m]) \
                < on (application, instance) group_left count_over_time(process_uptime_seconds[$__range])) > 0.5e3 \
                unless absent(up{job="x"} offset 5m) and histogram_quantile(0.99, sum(rate(a:b_c[1h:5m])) without (pod))
                # a comment naming not_a_metric
                """)).containsExactlyInAnyOrder("http_server_requests_seconds_bucket", "build_info",
                "steady_events_dead_lettered_total", "process_uptime_seconds", "up", "a:b_c");
        assertThat(PromQl.metricNames(PromQl.templatingQueryAsPromQl("label_values(process_uptime_seconds, application)")))
                .containsExactly("process_uptime_seconds");
        assertThat(PromQl.selectors("max(x_total{application=\"analytics-service\", group=~\"$g\"})"))
                .containsExactly(new PromQl.Selector("x_total", Map.of("application", "analytics-service")));
    }

    static List<Path> dashboards() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/observability/grafana/dashboards"))) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Every rule with an {@code alert} in every rules file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("infra/observability/prometheus/rules"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                    .sorted().toList()) {
                Map<String, Object> document = new Yaml().load(Files.readString(file));
                for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
                    for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                        if (rule.containsKey("alert")) {
                            alerts.add(rule);
                        }
                    }
                }
            }
        }
        return alerts;
    }

    /** The anchors GitHub makes for a Markdown file's headings (lower case, punctuation dropped, spaces to dashes). */
    static Set<String> markdownAnchors(Path markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean inFence = false;
        List<String> lines;
        try {
            lines = Files.readAllLines(markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            if (line.startsWith("```")) {
                inFence = !inFence;
                continue;
            }
            Matcher heading = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$").matcher(line);
            if (inFence || !heading.matches()) {
                continue;
            }
            String slug = heading.group(1).toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }
}
