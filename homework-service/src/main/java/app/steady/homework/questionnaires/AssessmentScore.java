package app.steady.homework.questionnaires;

import java.util.List;

/**
 * A scored questionnaire, kept with its answers so it can be re-checked against the measure later.
 *
 * @param measure      the measure's code, e.g. {@code PHQ-9}
 * @param items        the answers, in item order
 * @param total        the sum of the answers
 * @param band         the severity band's code
 * @param caseness     whether the total is at or above the measure's caseness threshold
 * @param safetySignal whether the safety item's answer calls for a risk follow-up, whatever the total
 */
public record AssessmentScore(String measure, List<Integer> items, int total, String band, boolean caseness,
        boolean safetySignal) {

    public AssessmentScore {
        items = List.copyOf(items);
    }
}
