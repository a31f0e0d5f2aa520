package app.steady.analytics.flags;

import java.time.Instant;
import java.util.List;

/** A sign found in a client's record: its kind, the episode it belongs to (one flag per episode) and its evidence. */
public record FlagCandidate(FlagKind kind, String episode, List<String> evidence, Instant at) {
}
