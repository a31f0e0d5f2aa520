package app.steady.reminders.channels;

/**
 * A delivery that did not happen, with the channel it failed in and why (as the metrics tag it). A permanent failure
 * (nobody to deliver to) is not retried: retrying cannot create an address, and a risk flag must go elsewhere at once.
 */
public class DeliveryFailure extends RuntimeException {

    /** The recipient has no address for the channel (e.g. a therapist without an e-mail contact). */
    public static final String NO_ADDRESS = "no-address";
    /** The tenant has no reachable on-call contact. */
    public static final String NO_ON_CALL = "no-on-call";
    /** The channel refused or could not be reached (SMTP down, a non-2xx answer, a timeout). */
    public static final String ERROR = "error";

    private final String channel;
    private final String reason;
    private final boolean retryable;

    private DeliveryFailure(String channel, String reason, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.channel = channel;
        this.reason = reason;
        this.retryable = retryable;
    }

    public static DeliveryFailure permanent(String channel, String reason, String message) {
        return new DeliveryFailure(channel, reason, false, message, null);
    }

    public static DeliveryFailure retryable(String channel, Exception cause) {
        return new DeliveryFailure(channel, ERROR, true, cause.toString(), cause);
    }

    /** Any exception from a channel as a failure: a retryable error in that channel unless it says more itself. */
    public static DeliveryFailure of(Exception failure, String channel) {
        return failure instanceof DeliveryFailure known ? known : retryable(channel, failure);
    }

    public String channel() {
        return channel;
    }

    public String reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }
}
