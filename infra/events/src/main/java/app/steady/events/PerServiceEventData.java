package app.steady.events;

/**
 * Data of an event that every service publishes in the same shape on its own topic (erasure acknowledgements,
 * export parts, audit records). {@link #service()} names the producing service and so picks the event type.
 */
public interface PerServiceEventData extends EventData {

    /** The producing service, e.g. {@code homework-service}: the {@link Topic#producer()} of its topic. */
    String service();
}
