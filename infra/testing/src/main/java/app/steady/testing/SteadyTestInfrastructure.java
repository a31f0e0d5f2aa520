package app.steady.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One Kafka broker and one MongoDB server for the whole test JVM, started on first use and shared by every test
 * (tests keep apart by their own ids, databases and topic prefixes). Where a Docker engine exists these are the real
 * {@code apache/kafka} and {@code mongo} images; otherwise a real KRaft broker from the Kafka jars and
 * mongo-java-server (memory backend) on a TCP port. Either way the code under test talks to them over the network
 * with the real clients.
 */
public final class SteadyTestInfrastructure {

    /** HS256 secret the test contexts verify tokens with; test-only. */
    public static final String TOKEN_SECRET = "steady-tests-only-signing-secret-0123456789";
    /** Base64 of the 32-byte master key that wraps clients' keys in tests; test-only. */
    public static final String MASTER_KEY = "c3RlYWR5LXRlc3RzLW9ubHktbWFzdGVyLWtleS0wMTI=";
    /** Tests' event master keys ({@code steady.keys.master-keys}): one version. */
    public static final String MASTER_KEYS = "t1:" + MASTER_KEY;
    /** Base64 of the 32-byte key that wraps goals-service's export keys in tests; test-only. */
    public static final String EXPORT_KEY_ENCRYPTION_KEY = "c3RlYWR5LXRlc3RzLW9ubHktZXhwb3J0LWtlay0wMTI=";
    /** Base64 of the key of the subject digests (erased clients' tombstones); the same for every service; test-only. */
    public static final String DIGEST_KEY = "c3RlYWR5LXRlc3RzLW9ubHktc3ViamVjdC1kaWdlc3Qta2V5LTAxMjM=";

    private static final Logger log = LoggerFactory.getLogger(SteadyTestInfrastructure.class);
    private static volatile SteadyTestInfrastructure instance;

    private final String kafkaBootstrapServers;
    private final String mongoUri;

    private SteadyTestInfrastructure(String kafkaBootstrapServers, String mongoUri) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
    }

    public static SteadyTestInfrastructure get() {
        if (instance == null) {
            synchronized (SteadyTestInfrastructure.class) {
                if (instance == null) {
                    instance = dockerAvailable() ? startContainers() : startEmbedded();
                }
            }
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static SteadyTestInfrastructure startContainers() {
        log.info("Docker found: using Testcontainers' apache/kafka and mongo images");
        KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.2");
        MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
        kafka.start();
        mongo.start();
        return new SteadyTestInfrastructure(kafka.getBootstrapServers(), mongo.getConnectionString());
    }

    private static SteadyTestInfrastructure startEmbedded() {
        log.info("No Docker: using an in-JVM KRaft broker and mongo-java-server");
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
        kafka.brokerProperty("auto.create.topics.enable", "true");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        // Compacted key topics: the cleaner looks every second (default 15 s), so a test can watch an erased key go.
        kafka.brokerProperty("log.cleaner.backoff.ms", "1000");
        // The outbox relay publishes in transactions: a coordinator log for one broker, quick to create.
        kafka.brokerProperty("transaction.state.log.replication.factor", "1");
        kafka.brokerProperty("transaction.state.log.min.isr", "1");
        kafka.brokerProperty("transaction.state.log.num.partitions", "3");
        kafka.afterPropertiesSet();
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString();
        // No shutdown hook: both die with the JVM, and stopping them earlier would stall the application
        // contexts that Spring closes in its own shutdown hook at the same time.
        return new SteadyTestInfrastructure(kafka.getBrokersAsString(), mongoUri);
    }
}
