package app.steady.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.steady.platform.errors.InvalidRequestException;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    /** Every name in the tz database is a zone a client may live by, including UTC, which has no slash. */
    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Etc/UTC", "Europe/London", "America/Argentina/Buenos_Aires", "GMT", "Asia/Kolkata"})
    void acceptsTzDatabaseNames(String zone) {
        assertThat(TimeZones.requireValid("timeZone", zone)).isEqualTo(ZoneId.of(zone));
    }

    /** A fixed offset would silently ignore daylight saving; an unknown name is a typo. */
    @ParameterizedTest
    @ValueSource(strings = {"+01:00", "UTC+01:00", "GMT+1", "Z", "Europe/Londn", ""})
    void refusesOffsetsAndUnknownNamesNamingTheField(String zone) {
        assertThatThrownBy(() -> TimeZones.requireValid("schedule.timeZone", zone))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("schedule.timeZone");
    }
}
