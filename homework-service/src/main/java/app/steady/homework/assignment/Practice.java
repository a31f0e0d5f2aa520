package app.steady.homework.assignment;

/**
 * What the client practises: its kind, title and instructions, the expected duration in minutes, optionally the
 * library technique it comes from, the goal it serves, and for questionnaires the measure (e.g. PHQ-9).
 */
public record Practice(HomeworkKind kind, String title, String instructions, int expectedMinutes, String techniqueId,
                       String goalId, String measure) {
}
