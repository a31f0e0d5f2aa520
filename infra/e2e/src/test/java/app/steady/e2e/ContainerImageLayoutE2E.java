package app.steady.e2e;

import static app.steady.e2e.ExternalTools.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.local.ManagedProcess;
import app.steady.local.ServiceProcess;
import app.steady.local.SteadyLocal;
import app.steady.testing.FreePorts;
import app.steady.testing.SteadyTestInfrastructure;
import app.steady.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the container image would do, proven without Docker (there is no engine where these tests run, so
 * infra/docker/Dockerfile is never built here): the executable jar is split with the Dockerfile's own extraction
 * command, the layers it COPYs are exactly those produced and hold what they should, and merged in COPY order they
 * start the service through the real entrypoint (secrets from *_FILE variables, the exploded class path and
 * {@code JarLauncher}) until the real health check reports it ready. Also: the entrypoint refuses a missing secret
 * file and a secret given both ways.
 */
class ContainerImageLayoutE2E {

    static final String SERVICE = "homework-service";
    static final Path DOCKER = ROOT.resolve("infra/docker");
    static final Path LOGS = ROOT.resolve("infra/e2e/target/e2e-logs");
    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(30);
    static final Pattern COPIED_LAYER = Pattern.compile("(?m)^COPY --from=layers /build/extracted/([^/\\s]+)/ \\./$");
    static final Pattern EXTRACTION = Pattern.compile("(?m)^RUN java (-Djarmode=tools [^\\\\&\\n]+)");

    @TempDir
    Path scratch;

    @Test
    void theCopiedLayersStartTheServiceThroughTheEntrypointAndPassTheHealthCheck() throws IOException {
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        List<String> copied = COPIED_LAYER.matcher(dockerfile).results().map(copy -> copy.group(1)).toList();
        Path extracted = extractAsTheDockerfileDoes(dockerfile);

        // Checked before the Dockerfile's mkdir -p, which would hide a layer the extraction no longer produces.
        assertThat(directories(extracted)).as("layers extracted, every one copied into the image")
                .containsExactlyInAnyOrderElementsOf(copied);
        assertThat(copied).as("COPY order: least-changing first, as in BOOT-INF/layers.idx")
                .containsExactlyElementsOf(quoted(extracted.resolve("application/BOOT-INF/layers.idx"), "- \"", "\":"));
        assertThat(files(extracted.resolve("dependencies"))).as("dependencies layer").isNotEmpty()
                .allMatch(file -> file.startsWith("BOOT-INF/lib/") && file.endsWith(".jar"))
                .anyMatch(file -> file.startsWith("BOOT-INF/lib/spring-boot-"));
        assertThat(files(extracted.resolve("spring-boot-loader"))).as("spring-boot-loader layer")
                .contains("org/springframework/boot/loader/launch/JarLauncher.class");
        assertThat(files(extracted.resolve("application"))).as("application layer")
                .anyMatch(file -> file.startsWith("BOOT-INF/classes/app/steady/") && file.endsWith(".class"));

        Path app = Files.createDirectories(scratch.resolve("app"));
        for (String layer : copied) {
            copyTree(extracted.resolve(layer), app);
        }
        assertThat(quoted(app.resolve("BOOT-INF/classpath.idx"), "- \"", "\"")).as("class path entries in the image")
                .isNotEmpty().allMatch(entry -> Files.isRegularFile(app.resolve(entry)));

        int port = FreePorts.next();
        assertThat(healthCheck(port).exitCode()).as("health check while nothing listens on " + port).isNotZero();
        SteadyTestInfrastructure infrastructure = SteadyTestInfrastructure.get();
        // Trailing newlines, as `echo … > file` leaves them: the entrypoint must strip them (the token check below).
        Path jwtSecret = secretFile("jwt_hmac_secret", SteadyTestInfrastructure.TOKEN_SECRET + "\n");
        Path masterKeys = secretFile("master_keys", SteadyTestInfrastructure.MASTER_KEYS + "\n");
        Path digestKey = secretFile("privacy_digest_key", SteadyTestInfrastructure.DIGEST_KEY + "\n");
        ManagedProcess service = new ManagedProcess(SERVICE + "-image", LOGS.resolve(SERVICE + "-image.log"));
        Set<ProcessHandle> earlierChildren = ProcessHandle.current().children().collect(Collectors.toSet());
        service.start(List.of("bash", DOCKER.resolve("entrypoint.sh").toString(),
                        "--steady.events.topic-prefix=e2e" + UUID.randomUUID().toString().substring(0, 6) + ".",
                        "--steady.events.partitions=3"),
                Map.of("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"),
                        "STEADY_APP_DIR", app.toString(),
                        "SERVER_PORT", String.valueOf(port),
                        "JAVA_OPTS", String.join(" ", ServiceProcess.QUICK_START_JVM),
                        "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "MONGODB_URI", infrastructure.mongoUri(),
                        "STEADY_JWT_HMAC_SECRET_FILE", jwtSecret.toString(),
                        "STEADY_JWT_LOCAL_MODE", "true",
                        "STEADY_MASTER_KEYS_FILE", masterKeys.toString(),
                        "STEADY_PRIVACY_DIGEST_KEY_FILE", digestKey.toString()));
        ProcessHandle entrypoint = ProcessHandle.current().children()
                .filter(Predicate.not(earlierChildren::contains)).findFirst()
                .orElseThrow(() -> new AssertionError("the entrypoint ended at once; see " + service.logFile()));
        try {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .failFast(SERVICE + " exited during start-up; see " + service.logFile(), () -> !service.isAlive())
                    .until(() -> healthCheck(port).exitCode() == 0);

            assertThat(entrypoint.info().command().orElse("?")).as("the entrypoint execs the JVM: it gets the signals")
                    .endsWith("/java");
            Http.Response library = Http.send("GET", "http://127.0.0.1:" + port + "/library",
                    TestTokens.client("tenant-" + UUID.randomUUID(), "client-1"), null);
            assertThat(library.status()).as("a token signed with the file's secret: " + library.body()).isEqualTo(200);
        } finally {
            List<ProcessHandle> tree = entrypoint.descendants().toList();
            service.stop();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void theEntrypointRefusesAMissingSecretFile() {
        String missing = scratch.resolve("none").toString();

        ExternalTools.Result result = entrypoint(Map.of("STEADY_MASTER_KEYS_FILE", missing));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(66);
        assertThat(result.stderr()).contains("STEADY_MASTER_KEYS_FILE");
    }

    @Test
    void theEntrypointRefusesASecretSetBothWays() throws IOException {
        String key = SteadyTestInfrastructure.MASTER_KEYS;
        Path file = secretFile("master_key", key);

        ExternalTools.Result result = entrypoint(Map.of("STEADY_MASTER_KEYS", key,
                "STEADY_MASTER_KEYS_FILE", file.toString()));

        assertThat(result.exitCode()).as(result.describe()).isEqualTo(64);
        assertThat(result.stderr()).contains("STEADY_MASTER_KEYS_FILE");
    }

    /** Copies the jar as the Dockerfile does and runs its extraction command in that directory; the output's path. */
    private Path extractAsTheDockerfileDoes(String dockerfile) throws IOException {
        Matcher extraction = EXTRACTION.matcher(dockerfile);
        assertThat(extraction.find()).as("the Dockerfile's extraction command").isTrue();
        List<String> arguments = List.of(extraction.group(1).trim().split("\\s+"));
        Path build = Files.createDirectories(scratch.resolve("build"));
        Files.copy(SteadyLocal.executableJar(ROOT, SERVICE), build.resolve("application.jar"));

        ExternalTools.Result result = ExternalTools.run(build, null, null, Duration.ofMinutes(2),
                ManagedProcess.java(arguments.toArray(String[]::new)).toArray(String[]::new));

        assertThat(result.exitCode()).as(result.describe()).isZero();
        return build.resolve(arguments.get(arguments.indexOf("--destination") + 1));
    }

    private ExternalTools.Result healthCheck(int port) {
        Map<String, String> environment = new HashMap<>(ExternalTools.cleanEnvironment(scratch));
        environment.put("SERVER_PORT", String.valueOf(port));
        return script("healthcheck.sh", environment);
    }

    private ExternalTools.Result entrypoint(Map<String, String> secrets) {
        Map<String, String> environment = new HashMap<>(ExternalTools.cleanEnvironment(scratch));
        // No application there: an entrypoint that wrongly went on would fail at once instead of starting a service.
        environment.put("STEADY_APP_DIR", scratch.toString());
        environment.putAll(secrets);
        return script("entrypoint.sh", environment);
    }

    private static ExternalTools.Result script(String name, Map<String, String> environment) {
        return ExternalTools.run(ROOT, environment, null, SCRIPT_TIMEOUT, "bash", DOCKER.resolve(name).toString());
    }

    private Path secretFile(String name, String content) throws IOException {
        return Files.writeString(scratch.resolve(name), content);
    }

    /** Docker's COPY of a directory's content; a file in two layers fails here instead of one shadowing the other. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static List<String> directories(Path directory) throws IOException {
        try (Stream<Path> paths = Files.list(directory)) {
            return paths.filter(Files::isDirectory).map(path -> path.getFileName().toString()).toList();
        }
    }

    private static List<String> files(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).map(path -> directory.relativize(path).toString()).toList();
        }
    }

    /** The names in an index file of the jar (layers.idx, classpath.idx), from lines {@code <before>name<after>}. */
    private static List<String> quoted(Path index, String before, String after) throws IOException {
        return Files.readAllLines(index).stream().filter(line -> line.startsWith(before) && line.endsWith(after))
                .map(line -> line.substring(before.length(), line.length() - after.length())).toList();
    }
}
