package app.steady.platform.web;

import app.steady.platform.errors.InvalidRequestException;

/**
 * A resource's stored revision as an HTTP entity tag. Clients send it back in {@code If-Match}; a write made against
 * an older revision gets 412 instead of silently overwriting someone else's change.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(Long revision) {
        return "\"" + revision + "\"";
    }

    /** The revision an {@code If-Match} header names, or null when the header is absent or {@code *}. */
    public static Long revisionOf(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.equals("*")) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.replace("W/", "").replace("\"", "").trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be an entity tag this API returned, e.g. \"3\"");
        }
    }
}
