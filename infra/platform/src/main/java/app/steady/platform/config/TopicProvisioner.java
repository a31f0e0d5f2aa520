package app.steady.platform.config;

import app.steady.events.Topic;
import app.steady.platform.events.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, if missing, the topic this service writes (with the configured partitions, so consumers can scale out),
 * its compacted key topic, and the dead-letter topics of the topics it reads. Runs in the background and retries, so a service starts
 * and accepts writes even while Kafka is down. Clusters managed as code (Strimzi) already have them.
 */
public class TopicProvisioner {

    private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

    private final Map<String, Object> adminConfig;
    private final TopicNames topics;
    private final String service;
    private final List<String> consumedTopics;
    private final String group;
    private final int partitions;
    private final short replicationFactor;
    private final Map<String, String> keyTopicConfig;

    /**
     * @param keyTopicConfig the settings of the service's compacted key topic ({@code cleanup.policy=compact} and
     *                       how soon compaction must reach an erased key)
     */
    public TopicProvisioner(Map<String, Object> adminConfig, TopicNames topics, String service,
                            List<String> consumedTopics, String group, int partitions, short replicationFactor,
                            Map<String, String> keyTopicConfig) {
        this.adminConfig = adminConfig;
        this.topics = topics;
        this.service = service;
        this.consumedTopics = consumedTopics;
        this.group = group;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.keyTopicConfig = Map.copyOf(keyTopicConfig);
    }

    public void provisionInBackground() {
        Thread thread = new Thread(this::provisionUntilDone, "topic-provisioner");
        thread.setDaemon(true);
        thread.start();
    }

    List<NewTopic> wanted() {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            if (topic.producer().equals(service)) {
                wanted.add(new NewTopic(topics.of(topic), partitions, replicationFactor));
                wanted.add(new NewTopic(topics.keysOf(topic), partitions, replicationFactor).configs(keyTopicConfig));
            }
        }
        for (String consumed : consumedTopics) {
            wanted.add(new NewTopic(topics.deadLetterTopic(consumed, group), 1, replicationFactor));
        }
        return wanted;
    }

    void provisionUntilDone() {
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            try (Admin admin = Admin.create(adminConfig)) {
                Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                List<NewTopic> missing = wanted().stream().filter(t -> !existing.contains(t.name())).toList();
                if (!missing.isEmpty()) {
                    try {
                        admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
                        log.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                            throw e;
                        }
                    }
                }
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                log.warn("Could not provision topics yet ({}); retrying in {}", e.toString(), pause);
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : pause.multipliedBy(2);
            }
        }
    }
}
