package app.steady.homework.questionnaires;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a client's answers against a {@link Measure}. A total is only meaningful when every item is answered
 * within its scale, so partial or out-of-range answers are refused rather than prorated.
 */
public final class Scoring {

    private Scoring() {
    }

    /**
     * The total, band, caseness and safety signal for these answers (in item order).
     *
     * @throws InvalidAnswersException listing every problem when an answer is missing, extra or out of range
     */
    public static AssessmentScore score(Measure measure, List<Integer> items) {
        List<String> problems = problemsWith(measure, items);
        if (!problems.isEmpty()) {
            throw new InvalidAnswersException(measure.code(), problems);
        }
        int total = 0;
        for (int answer : items) {
            total += answer;
        }
        boolean safetySignal = measure.safetyItem() != null
                && items.get(measure.safetyItem() - 1) >= measure.safetyThreshold();
        return new AssessmentScore(measure.code(), items, total, measure.bandOf(total).code(),
                total >= measure.casenessThreshold(), safetySignal);
    }

    private static List<String> problemsWith(Measure measure, List<Integer> items) {
        List<String> problems = new ArrayList<>();
        if (items == null) {
            problems.add("items: expected " + measure.items() + " answers but got none");
            return problems;
        }
        if (items.size() != measure.items()) {
            problems.add("items: expected " + measure.items() + " answers but got " + items.size());
        }
        for (int i = 0; i < items.size(); i++) {
            Integer answer = items.get(i);
            if (answer == null) {
                problems.add("items[" + i + "]: missing");
            } else if (answer < measure.itemMin() || answer > measure.itemMax()) {
                problems.add("items[" + i + "]: " + answer + " is outside " + measure.itemMin() + ".."
                        + measure.itemMax());
            }
        }
        return problems;
    }
}
