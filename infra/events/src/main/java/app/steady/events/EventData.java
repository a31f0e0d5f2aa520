package app.steady.events;

/**
 * The data of one event. Implementations are small immutable records carrying identifiers and facts,
 * never free text a consumer does not need.
 */
public interface EventData {

    /**
     * Whose event this is: the CloudEvents {@code subject} and the Kafka record key. For client events it is
     * the client id, so all of one client's events land on one partition, in order.
     */
    String subjectId();
}
