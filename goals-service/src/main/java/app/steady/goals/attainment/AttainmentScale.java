package app.steady.goals.attainment;

/**
 * A goal's five levels of attainment in the parties' own words: {@code expected} (0) is the outcome they expect;
 * {@code muchLess} (-2) and {@code less} (-1) fall short of it, {@code more} (+1) and {@code muchMore} (+2) exceed it.
 */
public record AttainmentScale(String muchLess, String less, String expected, String more, String muchMore) {

    public static final int LOWEST = -2;
    public static final int HIGHEST = 2;

    public static boolean isScore(int score) {
        return score >= LOWEST && score <= HIGHEST;
    }
}
