package app.steady.analytics.client;

import java.time.Instant;

/**
 * An episode of care (NHS Talking Therapies): from the start of treatment to discharge. It starts when the client is
 * assigned to a therapist while none is open, or when the treating therapist opens one; a reassignment (client-unassigned
 * and client-assigned at the same instant) is a transfer within it; a client-unassigned on its own ends it.
 *
 * @param number    1 for the client's first episode, then 2, 3, …
 * @param start     how it started: {@code ASSIGNED} or {@code OPENED} (explicitly, by the treating therapist)
 * @param endedAt   null while open
 */
public record Episode(int number, Instant startedAt, Instant endedAt, String therapistId, String start) {

    static final String ASSIGNED = "ASSIGNED";
    static final String OPENED = "OPENED";

    public boolean isOpen() {
        return endedAt == null;
    }

    Episode endedAt(Instant at) {
        return new Episode(number, startedAt, at, therapistId, start);
    }

    Episode transferredTo(String therapist) {
        return new Episode(number, startedAt, null, therapist, start);
    }
}
