package app.steady.platform.web;

import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.errors.PreconditionFailedException;

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

    /**
     * Refuses a write based on a read that is no longer current.
     *
     * @param ifMatch the revision the caller read (from {@link #revisionOf}), or null when they sent none
     * @throws PreconditionFailedException when it is not the current revision
     */
    public static void requireCurrent(Long ifMatch, Long current, String what) {
        if (ifMatch != null && !ifMatch.equals(current)) {
            throw new PreconditionFailedException("The " + what + " changed since you read it (now at revision "
                    + current + "); read it again");
        }
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
