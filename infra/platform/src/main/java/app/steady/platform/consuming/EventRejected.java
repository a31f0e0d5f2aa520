package app.steady.platform.consuming;

/**
 * Thrown by a handler for a valid event that its own records contradict (an acknowledgement for another tenant's or
 * client's request, say): never applicable, so it is dead-lettered at once with this reason, without retries.
 */
public class EventRejected extends RuntimeException {

    public EventRejected(String reason) {
        super(reason);
    }
}
