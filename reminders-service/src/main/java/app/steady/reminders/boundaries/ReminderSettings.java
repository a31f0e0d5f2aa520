package app.steady.reminders.boundaries;

import app.steady.reminders.planning.Boundaries;
import app.steady.reminders.planning.PausedPeriod;
import app.steady.reminders.planning.QuietHours;
import app.steady.reminders.planning.ReminderKind;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A client's boundaries as stored (plain fields); {@link #toBoundaries()} gives the planning rule. */
@Document("reminder_settings")
public record ReminderSettings(@Id String id, String tenantId, String clientId, String timeZone, String quietStart,
                               String quietEnd, int maxPerDay, List<PausedPeriod> pausedPeriods,
                               Set<ReminderKind> optedOut, @Version Long revision) {

    public static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    public Boundaries toBoundaries() {
        QuietHours quiet = quietStart == null ? null : new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
        return new Boundaries(ZoneId.of(timeZone), quiet, maxPerDay, pausedPeriods, optedOut);
    }
}
