package app.steady.homework.questionnaires;

/**
 * A named severity range of a measure's total, e.g. PHQ-9 10–14 is MODERATE.
 *
 * @param code the band's name as the measure's authors use it, e.g. {@code MODERATELY_SEVERE}
 * @param min  the lowest total in the band, inclusive
 * @param max  the highest total in the band, inclusive
 */
public record Band(String code, int min, int max) {

    public Band {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("code: required");
        }
        if (min > max) {
            throw new IllegalArgumentException("max: " + max + " is below min " + min + " in band " + code);
        }
    }

    public boolean contains(int total) {
        return total >= min && total <= max;
    }

    @Override
    public String toString() {
        return code + " " + min + ".." + max;
    }
}
