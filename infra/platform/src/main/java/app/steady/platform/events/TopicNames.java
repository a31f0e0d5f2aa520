package app.steady.platform.events;

import app.steady.events.Topic;
import java.util.Arrays;
import java.util.Optional;

/** The topic names of this deployment: the catalogue's names behind an optional prefix. */
public final class TopicNames {

    private final String prefix;

    public TopicNames(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
    }

    /**
     * A name of this deployment for something other than a topic (e.g. a transactional id), so that deployments
     * sharing a cluster under different prefixes never collide.
     */
    public String deploymentScoped(String name) {
        return prefix + name;
    }

    public String of(Topic topic) {
        return topic.nameWithPrefix(prefix);
    }

    /** The producer's key topic of this deployment. */
    public String keysOf(Topic topic) {
        return prefix + topic.keysBaseName();
    }

    /** The catalogue topic a deployed topic name stands for, if any. */
    public Optional<Topic> topicNamed(String name) {
        return Arrays.stream(Topic.values()).filter(topic -> of(topic).equals(name)).findFirst();
    }

    /** The consumer group's dead-letter topic for a source topic. */
    public String deadLetterTopic(String sourceTopic, String group) {
        return sourceTopic + "." + group + ".dlt";
    }
}
