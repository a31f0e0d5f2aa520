package app.steady.e2e;

import app.steady.local.ServiceProcess;
import app.steady.local.SteadyLocal;
import app.steady.testing.FreePorts;
import app.steady.testing.SteadyTestInfrastructure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;

/** Starts services from their executable jars against the test JVM's broker and store, as the launcher does. */
final class SteadyProcesses {

    private static final Path ROOT = Path.of(System.getProperty("steady.root", "../.."));
    private static final Path LOGS = ROOT.resolve("infra/e2e/target/e2e-logs");

    private SteadyProcesses() {
    }

    static ServiceProcess start(String service, String topicPrefix, String... extraArguments) {
        ServiceProcess process = new ServiceProcess(service, SteadyLocal.executableJar(ROOT, service), FreePorts.next(), LOGS);
        SteadyTestInfrastructure infrastructure = SteadyTestInfrastructure.get();
        process.start(Map.of(
                        "KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers(),
                        "MONGODB_URI", infrastructure.mongoUri(),
                        "STEADY_JWT_HMAC_SECRET", SteadyTestInfrastructure.TOKEN_SECRET,
                        "STEADY_HOMEWORK_MASTER_KEY", SteadyTestInfrastructure.MASTER_KEY),
                Stream.concat(Stream.of("--steady.events.topic-prefix=" + topicPrefix, "--steady.events.partitions=3",
                        "--steady.outbox.poll-interval=100ms", "--steady.reminders.channels.clinician-channel=KAFKA"),
                        Arrays.stream(extraArguments)).toList());
        process.awaitReady(Duration.ofMinutes(2));
        return process;
    }
}
