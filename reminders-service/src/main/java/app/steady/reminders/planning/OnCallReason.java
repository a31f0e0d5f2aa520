package app.steady.reminders.planning;

/** Why a risk flag went to the tenant's on-call clinicians; said in every on-call message. */
public enum OnCallReason {
    /** The client has no treating therapist (between therapists, or the flag came before the assignment). */
    NO_THERAPIST("the client has no treating therapist"),
    /** The treating therapist has no contact address for notifications. */
    NO_CONTACT("their therapist has no contact address for notifications"),
    /** The notification to the treating therapist could not be delivered. */
    DELIVERY_FAILED("the notification to their therapist could not be delivered"),
    /** Nobody acknowledged the flag within the tenant's escalation time. */
    NOT_ACKNOWLEDGED("it was not acknowledged within %s");

    private final String why;

    OnCallReason(String why) {
        this.why = why;
    }

    /** In plain words, for the on-call clinician; {@code waited} is the escalation time, said for NOT_ACKNOWLEDGED. */
    public String explain(java.time.Duration waited) {
        return this == NOT_ACKNOWLEDGED ? why.formatted(plainly(waited)) : why;
    }

    private static String plainly(java.time.Duration waited) {
        if (waited == null) {
            return "the escalation time";
        }
        long minutes = waited.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes")
                : waited.toSeconds() + (waited.toSeconds() == 1 ? " second" : " seconds");
    }
}
