package app.steady.homework.questionnaires;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A standardised questionnaire described as data, so new measures need no code. Every item is answered on the
 * same scale and the total is the plain sum of the answers.
 *
 * @param code              short identifier, e.g. {@code PHQ-9}
 * @param name              the measure's full name
 * @param items             how many questions it asks
 * @param itemMin           the lowest answer to any item
 * @param itemMax           the highest answer to any item
 * @param bands             severity bands covering every possible total exactly once, from
 *                          {@code itemMin * items} to {@code itemMax * items}
 * @param casenessThreshold the total at or above which a client is a probable case
 * @param safetyItem        the 1-based item that screens for risk (PHQ-9 item 9, thoughts of self-harm), or
 *                          {@code null} when the measure has none
 * @param safetyThreshold   the answer to the safety item at or above which the safety signal is raised, whatever
 *                          the total; ignored without a safety item
 * @param source            the citation the scoring rules come from
 */
public record Measure(
        String code,
        String name,
        int items,
        int itemMin,
        int itemMax,
        List<Band> bands,
        int casenessThreshold,
        Integer safetyItem,
        int safetyThreshold,
        String source) {

    public Measure {
        requireText(code, "code");
        requireText(name, "name");
        require(items >= 1, "items: at least 1");
        require(itemMin < itemMax, "itemMax: must be above itemMin");
        int minTotal = Math.multiplyExact(itemMin, items);
        int maxTotal = Math.multiplyExact(itemMax, items);
        bands = contiguousBands(bands, minTotal, maxTotal);
        require(casenessThreshold >= minTotal && casenessThreshold <= maxTotal,
                "casenessThreshold: outside " + minTotal + ".." + maxTotal);
        if (safetyItem != null) {
            require(safetyItem >= 1 && safetyItem <= items, "safetyItem: outside 1.." + items);
            // At itemMin every client would raise the signal, which would make it meaningless.
            require(safetyThreshold > itemMin && safetyThreshold <= itemMax,
                    "safetyThreshold: outside " + (itemMin + 1) + ".." + itemMax);
        }
        requireText(source, "source");
    }

    /** The lowest possible total. */
    public int minTotal() {
        return itemMin * items;
    }

    /** The highest possible total. */
    public int maxTotal() {
        return itemMax * items;
    }

    /** The band a total falls in; the bands cover every possible total, so only impossible totals are refused. */
    public Band bandOf(int total) {
        for (Band band : bands) {
            if (band.contains(total)) {
                return band;
            }
        }
        throw new IllegalArgumentException("total: " + total + " is outside " + minTotal() + ".." + maxTotal()
                + " for " + code);
    }

    /** Sorted by range; refuses gaps, overlaps, ranges beyond the possible totals and repeated band codes. */
    private static List<Band> contiguousBands(List<Band> bands, int minTotal, int maxTotal) {
        require(bands != null && !bands.isEmpty(), "bands: required");
        List<Band> sorted = new ArrayList<>(bands);
        require(!sorted.contains(null), "bands: must not contain null");
        sorted.sort(Comparator.comparingInt(Band::min));
        require(sorted.get(0).min() == minTotal, "bands: must start at " + minTotal);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < sorted.size(); i++) {
            Band band = sorted.get(i);
            require(codes.add(band.code()), "bands: " + band.code() + " named twice");
            if (i > 0) {
                Band previous = sorted.get(i - 1);
                require(band.min() <= previous.max() + 1,
                        "bands: gap between " + previous + " and " + band);
                require(band.min() > previous.max(), "bands: " + band + " overlaps " + previous);
            }
        }
        require(sorted.get(sorted.size() - 1).max() == maxTotal, "bands: must end at " + maxTotal);
        return List.copyOf(sorted);
    }

    private static void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field + ": required");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
