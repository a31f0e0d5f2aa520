package app.steady.homework.questionnaires;

import java.util.List;

/**
 * The answers cannot be scored. Lists every problem at once, so the client can fix them all in one go; indexes in
 * brackets are 0-based, e.g. {@code items[3]: 4 is outside 0..3}.
 */
public class InvalidAnswersException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidAnswersException(String measure, List<String> problems) {
        super(measure + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
