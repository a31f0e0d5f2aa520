package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.testing.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Steady as a new user starts it: the README's run command ({@code SteadyLocal}) on a fresh data directory, without
 * {@code --demo}, on free ports. Started once per test JVM on first use (about a minute) and stopped when the JVM
 * exits (or when the {@link SharedStack} starts), so the launcher test and the client app's browser test share it.
 */
final class LaunchedSteady {

    private static LaunchedSteady instance;

    final Path dataDir;
    final Path output;
    final String banner;
    private final Process launcher;

    private LaunchedSteady(Path dataDir, Path output, Process launcher, String banner) {
        this.dataDir = dataDir;
        this.output = output;
        this.launcher = launcher;
        this.banner = banner;
    }

    /** Order of the suites that use it: after every other suite and the {@link SharedStack}'s, all in a row. */
    static final int SUITE_ORDER = SharedStack.SUITE_ORDER + 1;

    static synchronized LaunchedSteady get() {
        if (instance == null) {
            SharedStack.stopIfRunning();   // one long-lived stack at a time: an idle one only slows this one down
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** Stops it, if it runs, for another stack's suites; the next {@link #get()} starts a new one. */
    static synchronized void stopIfRunning() {
        if (instance != null) {
            instance.stop();
            instance = null;
        }
    }

    /** The one URL the banner prints. */
    String front() {
        return banner.lines().filter(line -> line.startsWith("Steady is running: ")).findFirst().orElseThrow()
                .substring("Steady is running: ".length()).trim();
    }

    /** A demo user's bearer token from the token file the launcher wrote (ADMIN, THERAPIST, CLIENT, OPERATOR). */
    String bearer(String role) {
        try {
            return "Bearer " + Files.readAllLines(dataDir.resolve("tokens.env")).stream()
                    .filter(line -> line.startsWith(role + "_TOKEN=")).findFirst().orElseThrow()
                    .substring((role + "_TOKEN=").length());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LaunchedSteady start() {
        try {
            Path root = ExternalTools.ROOT;
            Path dataDir = Files.createTempDirectory("steady-launcher-");
            Path output = root.resolve("infra/e2e/target/e2e-logs/launcher.out");
            Files.createDirectories(output.getParent());
            ProcessBuilder builder = new ProcessBuilder("java", "-cp",
                    root.resolve("infra/local/target/steady-local.jar") + ":" + root.resolve("infra/local/target/lib") + "/*",
                    "app.steady.local.SteadyLocal", "--data-dir=" + dataDir)
                    .directory(root.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
            Map<String, String> environment = builder.environment();
            environment.remove("KAFKA_BOOTSTRAP_SERVERS");
            environment.remove("MONGODB_URI");
            for (String port : List.of("STEADY_KAFKA_PORT", "STEADY_KAFKA_CONTROLLER_PORT", "STEADY_MONGODB_PORT",
                    "GOALS_SERVICE_PORT", "HOMEWORK_SERVICE_PORT", "REMINDERS_SERVICE_PORT", "ANALYTICS_SERVICE_PORT",
                    "STEADY_GATEWAY_PORT", "STEADY_GATEWAY_MANAGEMENT_PORT")) {
                environment.put(port, Integer.toString(FreePorts.next()));
            }
            Process launcher = builder.start();
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                assertThat(launcher.isAlive()).as("the launcher is running; see " + output).isTrue();
                return Files.readString(output).contains("Press Ctrl-C to stop everything.");
            });
            return new LaunchedSteady(dataDir, output, launcher, Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        if (!launcher.isAlive()) {
            return;   // stopped for another stack already
        }
        List<ProcessHandle> children = launcher.descendants().toList();
        launcher.destroy();   // Ctrl-C's shutdown hook stops what it started
        try {
            if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
