package app.steady.platform.web;

import app.steady.platform.errors.InvalidRequestException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** IANA time zones from requests: region ids only (a fixed offset would silently ignore daylight saving). */
public final class TimeZones {

    private TimeZones() {
    }

    /**
     * @throws InvalidRequestException naming {@code field} unless {@code zone} is an IANA region such as Europe/London
     */
    public static ZoneId requireValid(String field, String zone) {
        try {
            ZoneId id = ZoneId.of(zone);
            if (id instanceof ZoneOffset || !zone.contains("/")) {
                throw new InvalidRequestException(field, "an IANA region such as Europe/London, not a fixed offset");
            }
            return id;
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidRequestException(field, "not an IANA time zone: " + zone);
        }
    }
}
