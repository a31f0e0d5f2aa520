package app.steady.platform.outbox;

/** Field names the outbox adds to aggregate documents; entities never map them. */
final class OutboxFields {

    /** Array of {@link PendingEvent} sub-documents, oldest first. */
    static final String EVENTS = "_outbox";
    /** Present (true) while {@link #EVENTS} may be non-empty; a sparse index on it finds pending documents. */
    static final String PENDING = "_outboxPending";

    private OutboxFields() {
    }
}
