package app.steady.analytics.flags;

import java.time.Instant;
import java.util.List;

/**
 * A sign found in a client's record: its kind, its stable source key (the assessment, the first missed occurrence, the
 * first low day, the first quiet day) and its evidence. One sign becomes at most one flag or one line of evidence in an
 * open flag, however often it is detected.
 */
public record FlagCandidate(FlagKind kind, String sourceKey, List<String> evidence, Instant at) {

    /** The key that marks this sign done in any flag of its client: its kind and source key. */
    public String signKey() {
        return kind.name() + ":" + sourceKey;
    }
}
