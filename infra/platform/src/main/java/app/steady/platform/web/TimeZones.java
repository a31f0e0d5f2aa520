package app.steady.platform.web;

import app.steady.platform.errors.InvalidRequestException;
import java.time.ZoneId;

/**
 * Time zones from requests: names of the tz database only, such as Europe/London or UTC. A fixed offset such as
 * {@code +01:00} is refused: it would silently ignore daylight saving, and reminders would move by an hour twice a year.
 */
public final class TimeZones {

    private TimeZones() {
    }

    /**
     * @throws InvalidRequestException naming {@code field} unless {@code zone} is a tz database name
     */
    public static ZoneId requireValid(String field, String zone) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw new InvalidRequestException(field, "a time zone name of the tz database, such as Europe/London or UTC"
                    + " (not a fixed offset); was: " + zone);
        }
        return ZoneId.of(zone);
    }
}
