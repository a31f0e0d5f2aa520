package app.steady.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

/**
 * The words a client must never read (shared CLINICAL.md, "What the client sees"): PHQ-9 and GAD-7 band codes and
 * labels, caseness, and the safety or risk flags meant for clinicians.
 */
public final class ClinicalLabels {

    static final Pattern LABELS = Pattern.compile(
            "minimal|mild|moderate|severe|caseness|safety_?signal|risk|\"band", Pattern.CASE_INSENSITIVE);

    private ClinicalLabels() {
    }

    /** Fails, naming the labels found, if what the client reads holds any. */
    public static void assertNoneIn(String clientReads) {
        assertThat(LABELS.matcher(clientReads).results().map(found -> found.group()).toList()).as(clientReads).isEmpty();
    }
}
