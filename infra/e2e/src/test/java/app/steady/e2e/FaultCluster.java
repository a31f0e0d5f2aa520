package app.steady.e2e;

import app.steady.local.KafkaBrokerProcess;
import app.steady.local.MongoWireServerProcess;
import app.steady.local.ServiceProcess;
import app.steady.local.SteadyLocal;
import app.steady.testing.FreePorts;
import app.steady.testing.SteadyTestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole Steady of its own for fault injection: a dedicated KRaft broker process and a dedicated MongoDB-wire server
 * process (H2 file on disk), both of which the tests stop, kill and restart on the same data, and the services as
 * processes from their executable jars (two reminders-service instances). Nothing here touches the test JVM's shared
 * broker and store, which other tests rely on.
 */
final class FaultCluster implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("steady.root", "../.."));
    static final Duration READY = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(FaultCluster.class);

    final String run = UUID.randomUUID().toString().substring(0, 6);
    final String prefix = "fi" + run + ".";
    final Path dataDir = ROOT.resolve("infra/e2e/target/fault-injection/" + run);
    final Path logDir = ROOT.resolve("infra/e2e/target/e2e-logs/fault-injection-" + run);
    final KafkaBrokerProcess broker = new KafkaBrokerProcess(dataDir.resolve("kafka"), FreePorts.next(), FreePorts.next());
    final MongoWireServerProcess mongo = new MongoWireServerProcess(dataDir.resolve("mongodb"), FreePorts.next());
    final Map<String, Node> nodes = new LinkedHashMap<>();

    /** One service instance: its process (restartable on the same port) and the arguments it runs with. */
    final class Node {
        final String instance;
        final String service;
        final ServiceProcess process;
        final List<String> arguments;
        /** The consumer group it runs in (the service name unless a test moved it to another). */
        volatile String group;

        Node(String instance, String service, List<String> arguments) {
            this.instance = instance;
            this.service = service;
            this.process = new ServiceProcess(instance, SteadyLocal.executableJar(ROOT, service), FreePorts.next(), logDir);
            this.arguments = new ArrayList<>(arguments);
            this.group = service;
        }

        String url(String path) {
            return process.baseUrl() + path;
        }

        void launch() {
            List<String> all = LaunchArguments.withDefaults(List.of("--steady.events.topic-prefix=" + prefix,
                    "--steady.events.partitions=3", "--steady.outbox.poll-interval=100ms",
                    "--steady.reminders.channels.clinician-channel=KAFKA", "--steady.consumer.group=" + group,
                    "--steady.reminders.channels.allow-private-hosts=true",
                    "--steady.web.rate-limit.reads-per-caller-per-minute=100000",
                    // These scenarios check what the services apply, not what therapists may read meanwhile: the
                    // staleness gate (CaseloadStalenessIT) would turn their reads right after an outage into 503s.
                    // A cluster that checks the gate sets it in its nodes' arguments.
                    "--steady.caseload.max-staleness=0s"), arguments);
            process.start(Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                    // The driver gives up on an unreachable store after 5 s instead of 30 s: requests made while the
                    // store is down fail fast (and certainly unapplied), consumers retry sooner once it is back.
                    "MONGODB_URI", mongo.uri() + "/?serverSelectionTimeoutMS=5000&connectTimeoutMS=2000",
                    "STEADY_JWT_HMAC_SECRET", SteadyTestInfrastructure.TOKEN_SECRET, "STEADY_JWT_LOCAL_MODE", "true",
                    "STEADY_MASTER_KEYS", SteadyTestInfrastructure.MASTER_KEYS,
                    "STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY", SteadyTestInfrastructure.EXPORT_KEY_ENCRYPTION_KEY,
                    "STEADY_PRIVACY_DIGEST_KEY", SteadyTestInfrastructure.DIGEST_KEY), all);
        }

        void awaitReady() {
            process.awaitReady(READY);
        }

        /** SIGKILL, as a crash would. */
        void kill() {
            log.info("SIGKILL {}", instance);
            process.kill();
        }

        void stop() {
            process.stop();
        }

        boolean alive() {
            return process.isAlive();
        }
    }

    Node add(String instance, String service, String... arguments) {
        Node node = new Node(instance, service, Arrays.asList(arguments));
        nodes.put(instance, node);
        return node;
    }

    Node node(String instance) {
        return nodes.get(instance);
    }

    void startInfrastructure() {
        broker.start();
        mongo.start();
    }

    /** Starts the given instances at once (they share two cores, so in parallel is quickest) and waits until all are ready. */
    static void startTogether(List<Node> toStart) {
        toStart.forEach(Node::launch);
        List<CompletableFuture<Void>> ready = toStart.stream()
                .map(node -> CompletableFuture.runAsync(node::awaitReady)).toList();
        CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
    }

    static void stopTogether(List<Node> toStop) {
        CompletableFuture.allOf(toStop.stream().map(node -> CompletableFuture.runAsync(node::stop))
                .toArray(CompletableFuture[]::new)).join();
    }

    List<String> topics(String... catalogueNames) {
        return Arrays.stream(catalogueNames).map(name -> prefix + name).toList();
    }

    @Override
    public void close() {
        stopTogether(nodes.values().stream().filter(Node::alive).toList());
        mongo.stop();
        broker.stop();
    }
}
