package app.steady.reminders.notifications;

import app.steady.platform.consuming.Projection;
import org.springframework.data.mongodb.core.mapping.Document;

/** How many occurrences of one assignment were missed in a row. */
@Document("miss_streaks")
public class MissStreak extends Projection {

    private int inARow;

    protected MissStreak() {
    }

    MissStreak(String id) {
        super(id);
    }

    /** Counts a miss; returns the length of the run it makes. */
    int missed() {
        return ++inARow;
    }

    void practised() {
        inARow = 0;
    }
}
