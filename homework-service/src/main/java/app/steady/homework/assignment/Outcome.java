package app.steady.homework.assignment;

import java.time.Instant;

/**
 * What became of one occurrence. A completion after the window closed is {@code late}; a missed occurrence completed
 * afterwards becomes a late completion. {@code qualityRating} (1-5) is the therapist's.
 */
public record Outcome(State state, Instant at, boolean late, Integer helpfulness, Integer difficulty,
                      String skipReason, Integer qualityRating) {

    public enum State {
        COMPLETED, SKIPPED, MISSED
    }

    Outcome withQuality(int rating) {
        return new Outcome(state, at, late, helpfulness, difficulty, skipReason, rating);
    }
}
