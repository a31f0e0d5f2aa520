package app.steady.platform.outbox;

/** Field names the outbox adds to aggregate documents; entities never map them. */
public final class OutboxFields {

    /** Array of {@link PendingEvent} sub-documents, oldest first. */
    public static final String EVENTS = "_outbox";
    /** Present (true) while {@link #EVENTS} may be non-empty; a sparse index on it finds pending documents. */
    public static final String PENDING = "_outboxPending";
    /**
     * Present with {@link #PENDING}: no later than the time of the oldest pending event, so that the relay takes the
     * documents waiting longest first and a client's older events never wait behind its newer ones.
     */
    public static final String OLDEST_PENDING = "_outboxOldest";

    private OutboxFields() {
    }
}
