package app.steady.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Paths kept on a service for one release after a successor replaced them (docs/architecture.md, "The front door"). Each
 * answer on such a path says so in the standard headers, so that an app's engineers see it in any HTTP log: RFC 9745
 * {@code Deprecation} (since when), RFC 8594 {@code Sunset} (when it goes) and a {@code Link} to the successor. The
 * operation is also marked {@code deprecated} in the service's OpenAPI document (Java's {@code @Deprecated}).
 */
public final class DeprecatedPaths {

    /** When the paths that collided at the front door were deprecated: the release that introduced the gateway. */
    public static final Instant FRONT_DOOR_RELEASE = Instant.parse("2026-12-02T00:00:00Z");
    /** One release later: they are removed then. */
    public static final Instant FRONT_DOOR_SUNSET = Instant.parse("2027-03-01T00:00:00Z");

    /** RFC 9110's IMF-fixdate (two-digit day), which {@code RFC_1123_DATE_TIME} does not always produce. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

    private DeprecatedPaths() {
    }

    /** Marks the answer on a path deprecated at the front-door release, naming the path that replaces it. */
    public static void markReplacedBy(HttpServletResponse response, String successorPath) {
        response.setHeader("Deprecation", "@" + FRONT_DOOR_RELEASE.getEpochSecond());
        response.setHeader("Sunset", HTTP_DATE.format(FRONT_DOOR_SUNSET.atOffset(ZoneOffset.UTC)));
        response.addHeader("Link", "<" + successorPath + ">; rel=\"successor-version\"");
    }
}
