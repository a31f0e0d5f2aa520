package app.steady.benchmarks;

import app.steady.local.DevTokens;
import app.steady.local.KafkaBrokerProcess;
import app.steady.local.MongoWireServerProcess;
import app.steady.local.ServiceProcess;
import app.steady.local.SteadyLocal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Collection;
import java.util.HashMap;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform as processes, as in production but on one machine: a KRaft broker, the MongoDB-wire server (H2, on
 * disk) and service instances with a 512 MB heap and a full JIT. Fresh data directory, topic prefix and secrets per run.
 *
 * <p>With an {@link External} cluster the services run here against the given Kafka and MongoDB instead (a provider's
 * staging cluster, or a real MongoDB replica set): topics get a run prefix, databases a run-scoped name, so a run
 * never touches a deployment's data.
 */
final class BenchmarkStack implements AutoCloseable {

    static final List<String> SERVICE_JVM = List.of("-Xms256m", "-Xmx512m", "-XX:+UseSerialGC");
    static final int PARTITIONS = 12;

    private final Path root;
    private final Path dataDir;
    private final External external;
    private final Path profiles;
    private final KafkaBrokerProcess kafka;
    private final MongoWireServerProcess mongo;
    private final String runId = Long.toHexString(System.currentTimeMillis());
    private final List<ServiceProcess> services = new ArrayList<>();
    private final String secret;
    private final String masterKey;
    private final String exportKeyEncryptionKey;
    private final String digestKey;
    private String topicPrefix = newPrefix();
    final DevTokens tokens;

    /**
     * Kafka and MongoDB that are already running. MongoDB's TLS and credentials go in its URI.
     *
     * @param replicationFactor replicas of the topics the run creates
     * @param kafkaClientProperties Kafka client settings beyond the servers (TLS, SASL: {@code security.protocol},
     *                          {@code sasl.*}, {@code ssl.*}), for the harness's own clients and, as
     *                          {@code spring.kafka.properties.*}, for the services
     */
    record External(String kafkaServers, String mongoUri, short replicationFactor,
                    Map<String, String> kafkaClientProperties) {

        /** Where the run's data went, for the report, without credentials. */
        String describe() {
            return "Kafka at " + kafkaServers + ", MongoDB at " + mongoUri.replaceAll("//[^@/]*@", "//");
        }
    }

    /**
     * @param external null to start a broker and a MongoDB-wire server of the run's own
     * @param profiles where the services and the store record JFR profiles, or null for none
     */
    BenchmarkStack(Path root, Path dataDir, External external, Path profiles) {
        this.root = root;
        this.external = external;
        this.profiles = profiles;
        this.dataDir = dataDir;
        SecureRandom random = new SecureRandom();
        byte[] secretBytes = new byte[48];
        random.nextBytes(secretBytes);
        secret = Base64.getEncoder().encodeToString(secretBytes);
        byte[] key = new byte[32];
        random.nextBytes(key);
        masterKey = Base64.getEncoder().encodeToString(key);
        random.nextBytes(key);
        exportKeyEncryptionKey = Base64.getEncoder().encodeToString(key);
        byte[] digest = new byte[32];
        random.nextBytes(digest);
        digestKey = Base64.getEncoder().encodeToString(digest);
        tokens = new DevTokens(secret);
        kafka = external == null ? new KafkaBrokerProcess(dataDir.resolve("kafka"), freePort(), freePort()) : null;
        mongo = external == null ? new MongoWireServerProcess(dataDir.resolve("mongodb"), freePort()) : null;
    }

    void start() {
        if (external == null) {
            kafka.start();
            mongo.start(profiles == null ? List.of() : List.of(Profiles.recordingOption(profiles, "mongodb-wire")));
        }
        createTopics();
    }

    /** Moves services started from now on to new, empty topics (a scenario that must not read earlier ones' events). */
    void freshTopics() {
        topicPrefix = newPrefix();
        createTopics();
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            admin.createTopics(Stream.of("goals", "homework", "reminders", "analytics")
                    .map(service -> new NewTopic(topic(service), PARTITIONS,
                            external == null ? (short) 1 : external.replicationFactor())).toList()).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("Creating the topics failed", e);
        }
    }

    private static String newPrefix() {
        return "bench" + Long.toHexString(System.nanoTime()) + ".";
    }

    String topic(String service) {
        return topicPrefix + "steady." + service + ".events";
    }

    String kafkaServers() {
        return external == null ? kafka.bootstrapServers() : external.kafkaServers();
    }

    /** Whether the store is the run's own MongoDB-wire server (mongo-java-server), not a real cluster. */
    boolean embeddedStore() {
        return external == null;
    }

    String mongoUri() {
        return external == null ? mongo.uri() : external.mongoUri();
    }

    /** What the report says about where Kafka and MongoDB ran. */
    String infrastructure() {
        return external == null ? "broker, MongoDB-wire server (H2) and services on the same machine"
                : "services on this machine; " + external.describe();
    }

    Admin admin() {
        return Admin.create(kafkaClient(Map.of()));
    }

    /** A Kafka client's configuration: the servers, an external cluster's security settings, then {@code specific}. */
    Map<String, Object> kafkaClient(Map<String, Object> specific) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaServers());
        if (external != null) {
            config.putAll(external.kafkaClientProperties());
        }
        config.putAll(specific);
        return config;
    }

    /** Starts an instance of a service; extra arguments override its settings (database, consumer group...). */
    ServiceProcess startService(String name, String... arguments) {
        return startService(name, Map.of(), arguments);
    }

    ServiceProcess startService(String name, Map<String, String> environment, String... arguments) {
        ServiceProcess process = new ServiceProcess(name, SteadyLocal.executableJar(root, name), freePort(),
                dataDir.resolve("logs"));
        Map<String, String> env = new java.util.HashMap<>(Map.of("KAFKA_BOOTSTRAP_SERVERS", kafkaServers(),
                "MONGODB_URI", mongoUri(), "STEADY_JWT_HMAC_SECRET", secret, "STEADY_JWT_LOCAL_MODE", "true", "STEADY_MASTER_KEYS", "b1:" + masterKey,
                "STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY", exportKeyEncryptionKey,
                "STEADY_PRIVACY_DIGEST_KEY", digestKey));
        if (external != null) {
            // spring.kafka.properties.sasl.jaas.config etc. from the environment: secrets stay off the command line
            external.kafkaClientProperties().forEach((key, value) ->
                    env.put("SPRING_KAFKA_PROPERTIES_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
            // e.g. GOALS_MONGODB_DATABASE=bench-<run>-goals: never a deployment's own database
            String service = name.replace("-service", "");
            env.put(service.toUpperCase(java.util.Locale.ROOT) + "_MONGODB_DATABASE", "bench-" + runId + "-" + service);
        }
        env.putAll(environment);
        List<String> args = new ArrayList<>(List.of("--steady.events.topic-prefix=" + topicPrefix,
                "--steady.events.partitions=" + PARTITIONS,
                "--steady.web.rate-limit.writes-per-caller-per-minute=1000000",
                "--steady.web.rate-limit.writes-per-tenant-per-minute=100000000",
                "--steady.web.rate-limit.reads-per-caller-per-minute=1000000",
                "--steady.web.rate-limit.reads-per-tenant-per-minute=100000000",
                "--steady.reminders.channels.clinician-channel=KAFKA",
                "--steady.outbox.metrics-interval=1s",
                "--logging.level.root=WARN"));
        args.addAll(List.of(arguments));
        List<String> jvm = new ArrayList<>(SERVICE_JVM);
        if (profiles != null) {
            jvm.add(Profiles.recordingOption(profiles, name + "-" + process.port()));
        }
        process.start(env, jvm, args);
        process.awaitReady(Duration.ofMinutes(3));
        services.add(process);
        return process;
    }

    void stopService(ServiceProcess process) {
        process.stop();
        services.remove(process);
    }

    String bearer(String tenant, String subject, String role) {
        return "Bearer " + tokens.token(tenant, subject, role, Duration.ofHours(6));
    }

    String operator() {
        return bearer("ops", "benchmark", "OPERATOR");
    }

    @Override
    public void close() {
        new ArrayList<>(services).forEach(ServiceProcess::stop);
        if (external == null) {
            mongo.stop();
            kafka.stop();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Records a consumer group still has to read on these topics (uncommitted partitions count from 0). */
    long lag(Admin admin, String group, Collection<String> topics) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().values().forEach(description ->
                    description.partitions().forEach(partition ->
                            latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            var ends = admin.listOffsets(latest).all().get();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            long lag = 0;
            for (TopicPartition partition : latest.keySet()) {
                OffsetAndMetadata offset = committed.get(partition);
                lag += ends.get(partition).offset() - (offset == null ? 0 : offset.offset());
            }
            return lag;
        } catch (Exception e) {
            throw new IllegalStateException("Measuring the lag of " + group + " failed", e);
        }
    }
}
