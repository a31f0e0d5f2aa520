package app.steady.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (broker and controller in one process) from the Maven Central jars on this
 * JVM's classpath. Its data lives under {@code dataDir} and survives restarts; the storage is formatted once.
 */
public class KafkaBrokerProcess {

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final ManagedProcess process;

    public KafkaBrokerProcess(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.process = new ManagedProcess("kafka", dataDir.resolve("kafka.log"));
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public void start() {
        if (Waits.portOpen(port)) {
            throw new IllegalStateException("Port " + port + " is taken: is another Kafka running? "
                    + "Set KAFKA_BOOTSTRAP_SERVERS to use it instead");
        }
        Path config = writeConfig();
        String classpath = System.getProperty("java.class.path");
        if (!Files.exists(dataDir.resolve("logs").resolve("meta.properties"))) {
            ManagedProcess.runToCompletion("kafka-storage-format", ManagedProcess.java("-cp", classpath,
                    "kafka.tools.StorageTool", "format", "--standalone", "-t", Uuid.randomUuid().toString(),
                    "-c", config.toString()), dataDir.resolve("kafka-format.log"));
        }
        process.start(ManagedProcess.java("-Xms256m", "-Xmx768m", "-XX:+UseG1GC", "-cp", classpath,
                "kafka.Kafka", config.toString()), Map.of());
        Waits.until("Kafka on port " + port, Duration.ofSeconds(90), this::ready);
    }

    public void stop() {
        process.stop();
    }

    public void kill() {
        process.kill();
    }

    public boolean ready() {
        if (!process.isAlive() || !Waits.portOpen(port)) {
            return false;
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private Path writeConfig() {
        String properties = """
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=1
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=10
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                transaction.state.log.num.partitions=3
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                log.retention.hours=-1
                """.formatted(port, controllerPort, dataDir.resolve("logs").toAbsolutePath());
        try {
            Files.createDirectories(dataDir);
            Path config = dataDir.resolve("server.properties");
            Files.writeString(config, properties);
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
