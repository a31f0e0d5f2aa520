package app.steady.goals.strengths;

import java.time.Instant;

/** One strength: an ability or quality of the client, or a person or group who supports them. */
public record Strength(String id, Kind kind, String description, String addedBy, Instant addedAt) {

    public enum Kind {
        /** Something the client is good at or a quality they have. */
        ABILITY,
        /** Someone who supports them: a person, group or service. */
        SUPPORT
    }
}
