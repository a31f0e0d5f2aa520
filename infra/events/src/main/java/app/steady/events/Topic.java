package app.steady.events;

/**
 * The topics of the platform, one per producing service (single writer).
 * A deployment may put a prefix in front of every name (see {@code steady.events.topic-prefix}).
 */
public enum Topic {
    GOALS("steady.goals.events", "goals-service"),
    HOMEWORK("steady.homework.events", "homework-service"),
    REMINDERS("steady.reminders.events", "reminders-service"),
    ANALYTICS("steady.analytics.events", "analytics-service");

    private final String baseName;
    private final String producer;

    Topic(String baseName, String producer) {
        this.baseName = baseName;
        this.producer = producer;
    }

    /** The topic name without a deployment prefix. */
    public String baseName() {
        return baseName;
    }

    /** The only service that writes this topic; also the CloudEvents {@code source} of its events. */
    public String producer() {
        return producer;
    }

    /**
     * The producer's compacted key topic: each client's event data key, wrapped by the master key, keyed by key id;
     * a tombstone when the client is erased (docs/events.md, "Sealed fields").
     */
    public String keysBaseName() {
        return baseName.replaceFirst("\\.events$", ".keys");
    }

    public String nameWithPrefix(String prefix) {
        return prefix == null || prefix.isEmpty() ? baseName : prefix + baseName;
    }
}
