package app.steady.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole platform on this machine: a Kafka broker process and a MongoDB-wire server process (unless
 * {@code KAFKA_BOOTSTRAP_SERVERS} / {@code MONGODB_URI} point at real clusters), then the four services, each
 * its own process. Waits until all are ready, prints where everything is, and stops it all on Ctrl-C. Data lives
 * under the data directory and survives restarts.
 *
 * <p>Usage: {@code infra/local/steady [--demo] [--data-dir=DIR]}
 */
public final class SteadyLocal {

    /** The services in start order, with their default ports. */
    static final Map<String, Integer> SERVICES = new LinkedHashMap<>();

    static {
        SERVICES.put("goals-service", 8081);
        SERVICES.put("homework-service", 8082);
        SERVICES.put("reminders-service", 8083);
        SERVICES.put("analytics-service", 8084);
    }

    static final String DEMO_TENANT = "demo";
    /** The front door's default ports: the one URL for everything, and its own health and metrics. */
    static final int GATEWAY_PORT = 8080;
    static final int GATEWAY_MANAGEMENT_PORT = 8090;

    private final Path root;
    private final Path dataDir;
    private final boolean demo;
    private final Map<String, String> env;
    private KafkaBrokerProcess kafka;
    private MongoWireServerProcess mongo;
    private final List<ServiceProcess> services = new ArrayList<>();
    private ServiceProcess gateway;

    SteadyLocal(Path root, Path dataDir, boolean demo, Map<String, String> env) {
        this.root = root;
        this.dataDir = dataDir;
        this.demo = demo;
        this.env = env;
    }

    public static void main(String[] args) throws Exception {
        boolean demo = false;
        Path dataDir = Path.of(System.getenv().getOrDefault("STEADY_DATA_DIR", ".steady-local"));
        for (String arg : args) {
            if (arg.equals("--demo")) {
                demo = true;
            } else if (arg.startsWith("--data-dir=")) {
                dataDir = Path.of(arg.substring("--data-dir=".length()));
            } else {
                System.out.println("Usage: infra/local/steady [--demo] [--data-dir=DIR]");
                System.exit(arg.equals("--help") ? 0 : 2);
            }
        }
        SteadyLocal platform = new SteadyLocal(Path.of("").toAbsolutePath(), dataDir.toAbsolutePath(), demo, System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            platform.stopAll();
            stopped.countDown();
        }, "steady-local-shutdown"));
        try {
            platform.startAll();
        } catch (RuntimeException e) {
            System.err.println("\nSteady did not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    void startAll() {
        String secret = secretFile("dev-signing-secret", 48, false);
        String masterKey = secretFile("dev-master-key", 32, true);
        String exportKeyEncryptionKey = secretFile("dev-export-key-encryption-key", 32, true);
        String digestKey = secretFile("dev-digest-key", 32, true);
        String kafkaServers = env.get("KAFKA_BOOTSTRAP_SERVERS");
        if (kafkaServers == null || kafkaServers.isBlank()) {
            say("Starting Kafka (KRaft) ...");
            kafka = new KafkaBrokerProcess(dataDir.resolve("kafka"), port("STEADY_KAFKA_PORT", 9092),
                    port("STEADY_KAFKA_CONTROLLER_PORT", 9093));
            kafka.start();
            kafkaServers = kafka.bootstrapServers();
        } else {
            say("Using Kafka at " + kafkaServers);
        }
        String mongoUri = env.get("MONGODB_URI");
        if (mongoUri == null || mongoUri.isBlank()) {
            say("Starting the MongoDB-wire server ...");
            mongo = new MongoWireServerProcess(dataDir.resolve("mongodb"), port("STEADY_MONGODB_PORT", 27017));
            mongo.start();
            mongoUri = mongo.uri();
        } else {
            say("Using MongoDB at " + mongoUri);
        }

        say("Starting the services ...");
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            String name = service.getKey();
            String prefix = name.toUpperCase().replace('-', '_') + "_";
            ServiceProcess process = new ServiceProcess(name, executableJar(root, name),
                    port(prefix + "PORT", service.getValue()), dataDir.resolve("logs"));
            Map<String, String> serviceEnv = new LinkedHashMap<>();
            serviceEnv.put("KAFKA_BOOTSTRAP_SERVERS", env.getOrDefault(prefix + "KAFKA_BOOTSTRAP_SERVERS", kafkaServers));
            serviceEnv.put("MONGODB_URI", env.getOrDefault(prefix + "MONGODB_URI", mongoUri));
            serviceEnv.put("STEADY_JWT_HMAC_SECRET", secret);
            serviceEnv.put("STEADY_JWT_LOCAL_MODE", "true");   // a local run verifies with the shared secret
            // One master key version for a local run; the same key also opens journal keys a run before versioned
            // master keys stored (homework re-wraps them).
            serviceEnv.put("STEADY_MASTER_KEYS", "dev1:" + masterKey);
            serviceEnv.put("STEADY_HOMEWORK_MASTER_KEY", masterKey);
            serviceEnv.put("STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY", exportKeyEncryptionKey);
            serviceEnv.put("STEADY_PRIVACY_DIGEST_KEY", digestKey);
            // No SMTP server locally unless SPRING_MAIL_HOST names one: clinician notifications then go out as events.
            String clinicianChannel = env.containsKey("SPRING_MAIL_HOST") ? "EMAIL" : "KAFKA";
            // Pager webhooks of a local run are receivers on this machine: plain http and private hosts are allowed
            // here only.
            process.start(serviceEnv, List.of("--steady.security.anonymous-api-docs=true",
                    "--steady.goals.safety.allow-http-pager-urls=true",
                    "--steady.goals.safety.allow-private-pager-hosts=true",
                    "--steady.reminders.channels.allow-private-hosts=true",
                    "--steady.reminders.channels.clinician-channel=" + clinicianChannel,
                    "--steady.dashboard.base-url=http://127.0.0.1:" + SERVICES.get("analytics-service")));
            services.add(process);
        }
        for (ServiceProcess service : services) {
            service.awaitReady(Duration.ofMinutes(3));
            say("  " + service.name() + " is ready");
        }
        startGateway(secret);
        DevTokens tokens = new DevTokens(secret);
        DemoFeeder feeder = new DemoFeeder(tokens, DEMO_TENANT, services);
        feeder.safetySettings();
        // The banner's examples are about client-1 and therapist-1: they must work on a fresh start, --demo or not.
        feeder.firstClientOnCaseload();
        printWelcome(tokens, kafkaServers, mongoUri);
        if (demo) {
            feeder.feed();
        }
    }

    /** The front door in front of the running services: one origin for apps, the dashboard and the API documents. */
    private void startGateway(String signingSecret) {
        // The client web app's one-click sign-in of the demo users, with the run's own signing secret (in the
        // environment, not on the command line). A deployment never sets it.
        gateway = startGateway(root, services, port("STEADY_GATEWAY_PORT", GATEWAY_PORT),
                port("STEADY_GATEWAY_MANAGEMENT_PORT", GATEWAY_MANAGEMENT_PORT), dataDir.resolve("logs"),
                Map.of("STEADY_GATEWAY_DEMO_SIGN_IN_HMAC_SECRET", signingSecret,
                        "STEADY_GATEWAY_DEMO_SIGN_IN_TENANT", DEMO_TENANT));
        say("  the gateway is ready");
    }

    /**
     * Starts the gateway in front of these services (each found at its {@code <SERVICE>_URL}), with its health and
     * metrics on {@code managementPort}, and waits until it is ready. The end-to-end tests start it the same way.
     */
    public static ServiceProcess startGateway(Path root, List<ServiceProcess> services, int port, int managementPort,
                                              Path logDir, Map<String, String> extraEnvironment) {
        ServiceProcess gateway = new ServiceProcess("gateway", root.resolve("infra/gateway/target/steady-gateway-exec.jar"),
                port, managementPort, logDir);
        Map<String, String> environment = new LinkedHashMap<>(extraEnvironment);
        for (ServiceProcess service : services) {
            environment.put(service.name().toUpperCase().replace('-', '_') + "_URL", service.baseUrl());
        }
        gateway.start(environment, List.of("--management.server.port=" + managementPort));
        gateway.awaitReady(Duration.ofMinutes(2));
        return gateway;
    }

    /** Where the build puts a service's executable jar. */
    public static Path executableJar(Path root, String service) {
        return root.resolve(service).resolve("target").resolve(service + "-exec.jar");
    }

    void stopAll() {
        say("\nStopping Steady ...");
        if (gateway != null) {
            gateway.stop();
        }
        services.parallelStream().forEach(ServiceProcess::stop);
        if (kafka != null) {
            kafka.stop();
        }
        if (mongo != null) {
            mongo.stop();
        }
        say("Stopped. Data is kept in " + dataDir);
    }

    private void printWelcome(DevTokens tokens, String kafkaServers, String mongoUri) {
        Duration day = Duration.ofHours(24);
        Map<String, String> demoTokens = new LinkedHashMap<>();
        demoTokens.put("ADMIN admin-1", tokens.token(DEMO_TENANT, "admin-1", "ADMIN", day));
        demoTokens.put("THERAPIST therapist-1", tokens.token(DEMO_TENANT, "therapist-1", "THERAPIST", day));
        demoTokens.put("CLIENT client-1", tokens.token(DEMO_TENANT, "client-1", "CLIENT", day));
        demoTokens.put("OPERATOR ops-1", tokens.token(DEMO_TENANT, "ops-1", "OPERATOR", day));
        Path tokenFile = dataDir.resolve("tokens.env");
        String front = gateway.baseUrl();
        StringBuilder out = new StringBuilder("\nSteady is running: ").append(front).append("\n\n");
        out.append("  Client app:          ").append(front).append("/app/   (sign in as client-1 with one click)\n");
        out.append("  Therapist dashboard: ").append(front).append("/dashboard   (sign in as therapist-1 with one click)\n");
        out.append("  API and its docs:    ").append(front).append("   OpenAPI UI: ").append(front).append("/swagger-ui.html\n");
        out.append("\n  Behind the front door (each service's own origin; its metrics need the operator token):\n");
        for (ServiceProcess service : services) {
            out.append("    %-18s %s   metrics: %s/actuator/prometheus%n".formatted(service.name(), service.baseUrl(),
                    service.baseUrl()));
        }
        out.append("    %-18s %s   metrics: %s/actuator/prometheus (no token; its own port)%n"
                .formatted("gateway", front, gateway.managementBaseUrl()));
        out.append("    Kafka:             ").append(kafkaServers).append('\n');
        out.append("    MongoDB:           ").append(mongoUri).append('\n');
        out.append("    Logs and data:     ").append(dataDir).append('\n');
        out.append("\nDemo users (tenant '").append(DEMO_TENANT).append("'), 24-hour bearer tokens, also in ")
                .append(tokenFile).append(":\n");
        StringBuilder file = new StringBuilder();
        demoTokens.forEach((who, token) -> {
            out.append("  ").append(who).append(":\n    ").append(token).append('\n');
            file.append(who.split(" ")[0]).append("_TOKEN=").append(token).append('\n');
        });
        out.append("\nTry (after: source ").append(tokenFile).append("):\n");
        for (String example : examples(front, services.get(0).baseUrl())) {
            out.append("  ").append(example).append('\n');
        }
        out.append("\nPress Ctrl-C to stop everything.\n");
        try {
            Files.writeString(tokenFile, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        say(out.toString());
    }

    /**
     * The banner's example requests, each a command a new user can paste once the token file is sourced. The launcher
     * test ({@code LauncherE2E}) runs every one of them on a fresh start and expects a 2xx.
     */
    static List<String> examples(String front, String goalsService) {
        return List.of(
                "curl -H \"Authorization: Bearer $THERAPIST_TOKEN\" " + front + "/clients/client-1/goals",
                "curl -X PUT -H \"Authorization: Bearer $CLIENT_TOKEN\" -H 'Content-Type: application/json' "
                        + "-d '{\"timeZone\":\"UTC\",\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\",\"maxPerDay\":4}' "
                        + front + "/clients/client-1/reminder-settings",
                "curl -H \"Authorization: Bearer $CLIENT_TOKEN\" " + front + "/clients/client-1/agenda",
                "curl -H \"Authorization: Bearer $OPERATOR_TOKEN\" " + goalsService + "/actuator/prometheus");
    }

    /**
     * A random secret of the local run (token signing secret, encryption master key): made once per data directory,
     * never committed.
     */
    private String secretFile(String name, int bytes, boolean standardBase64) {
        Path file = dataDir.resolve(name);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[bytes];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, standardBase64 ? Base64.getEncoder().encodeToString(random)
                        : Base64.getUrlEncoder().withoutPadding().encodeToString(random));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int port(String variable, int defaultPort) {
        String value = env.get(variable);
        return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
