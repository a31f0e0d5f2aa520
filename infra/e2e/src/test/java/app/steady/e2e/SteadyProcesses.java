package app.steady.e2e;

import app.steady.local.ServiceProcess;
import app.steady.local.SteadyLocal;
import app.steady.testing.FreePorts;
import app.steady.testing.SteadyTestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Starts services from their executable jars against the test JVM's broker and store, as the launcher does. */
final class SteadyProcesses {

    private static final Path ROOT = Path.of(System.getProperty("steady.root", "../.."));
    private static final Path LOGS = ROOT.resolve("infra/e2e/target/e2e-logs");

    private SteadyProcesses() {
    }

    static ServiceProcess start(String service, String topicPrefix, String... extraArguments) {
        return startInstance(service, service, topicPrefix, extraArguments);
    }

    /**
     * Starts one instance named {@code instance} (its log is {@code e2e-logs/<instance>.log}). An extra argument
     * replaces a default of the same property: Spring would otherwise join both values with a comma.
     */
    static ServiceProcess startInstance(String instance, String service, String topicPrefix, String... extraArguments) {
        ServiceProcess process = new ServiceProcess(instance, SteadyLocal.executableJar(ROOT, service), FreePorts.next(), LOGS);
        SteadyTestInfrastructure infrastructure = SteadyTestInfrastructure.get();
        process.start(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "MONGODB_URI", infrastructure.mongoUri(),
                        "STEADY_JWT_HMAC_SECRET", SteadyTestInfrastructure.TOKEN_SECRET, "STEADY_JWT_LOCAL_MODE", "true",
                        "STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY", SteadyTestInfrastructure.EXPORT_KEY_ENCRYPTION_KEY,
                        "STEADY_PRIVACY_DIGEST_KEY", SteadyTestInfrastructure.DIGEST_KEY,
                        "STEADY_MASTER_KEYS", SteadyTestInfrastructure.MASTER_KEYS),
                withDefaults(topicPrefix, Arrays.asList(extraArguments)));
        process.awaitReady(Duration.ofMinutes(2));
        return process;
    }

    /** The gateway in front of running services (its health and metrics on a management port of their own). */
    static ServiceProcess startGateway(Map<String, ServiceProcess> services) {
        return SteadyLocal.startGateway(ROOT, List.copyOf(services.values()), FreePorts.next(), FreePorts.next(), LOGS,
                Map.of());
    }

    private static List<String> withDefaults(String topicPrefix, List<String> extra) {
        return LaunchArguments.withDefaults(List.of("--steady.events.topic-prefix=" + topicPrefix,
                "--steady.events.partitions=3", "--steady.outbox.poll-interval=100ms",
                "--steady.reminders.channels.clinician-channel=KAFKA",
                // receivers (pager, webhooks) of the tests run on this machine
                "--steady.goals.safety.allow-private-pager-hosts=true",
                "--steady.reminders.channels.allow-private-hosts=true",
                // the suites poll (Awaitility) far faster than people read
                "--steady.web.rate-limit.reads-per-caller-per-minute=100000",
                // caseload heartbeats often, so a (re)started service's copy counts as current within seconds
                "--steady.goals.caseload.heartbeat-every=2s"), extra);
    }
}
