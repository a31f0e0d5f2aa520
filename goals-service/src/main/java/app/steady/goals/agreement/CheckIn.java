package app.steady.goals.agreement;

import java.time.Instant;

/**
 * The client's progress on a goal at one moment: a GAS score (-2..+2) when the goal has a scale, otherwise a
 * percentage; their confidence they can keep going (self-efficacy, 0-10); an optional note; and the therapist's
 * optional comment.
 */
public record CheckIn(String id, Instant recordedAt, Integer attainmentScore, Integer percentComplete,
                      int confidence, String note, String therapistComment, Instant commentedAt) {

    CheckIn withComment(String comment, Instant at) {
        return new CheckIn(id, recordedAt, attainmentScore, percentComplete, confidence, note, comment, at);
    }
}
