package app.steady.analytics.clinical;

import java.util.Arrays;
import java.util.Optional;

/**
 * The outcome measures analytics follows, with the thresholds of the English IAPT programme: a change of at least
 * {@code reliableChange} points is reliable; a total at or above {@code caseness} is clinical caseness.
 */
public enum OutcomeMeasure {
    /** Kroenke, Spitzer &amp; Williams (2001); reliable change 6, caseness 10. */
    PHQ_9("PHQ-9", 6, 10),
    /** Spitzer, Kroenke, Williams &amp; Löwe (2006); reliable change 4, caseness 8. */
    GAD_7("GAD-7", 4, 8);

    /** PHQ-9 total below which depression is in remission. */
    public static final int PHQ9_REMISSION_BELOW = 5;

    private final String code;
    private final int reliableChange;
    private final int caseness;

    OutcomeMeasure(String code, int reliableChange, int caseness) {
        this.code = code;
        this.reliableChange = reliableChange;
        this.caseness = caseness;
    }

    public String code() {
        return code;
    }

    public int reliableChange() {
        return reliableChange;
    }

    public int caseness() {
        return caseness;
    }

    public static Optional<OutcomeMeasure> ofCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
