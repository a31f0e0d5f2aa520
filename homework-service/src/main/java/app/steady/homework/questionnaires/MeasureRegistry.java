package app.steady.homework.questionnaires;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The measures on offer, by code. Immutable: {@link #with(Measure)} returns a new registry, so a registry shared
 * between threads never changes underneath a scoring in progress.
 */
public final class MeasureRegistry {

    private final Map<String, Measure> measures;

    private MeasureRegistry(Map<String, Measure> measures) {
        this.measures = Collections.unmodifiableMap(measures);
    }

    /** PHQ-9 and GAD-7. */
    public static MeasureRegistry standard() {
        return new MeasureRegistry(new LinkedHashMap<>()).with(StandardMeasures.PHQ_9).with(StandardMeasures.GAD_7);
    }

    /** The measure with exactly this code, e.g. {@code PHQ-9}. */
    public Optional<Measure> find(String code) {
        return Optional.ofNullable(code == null ? null : measures.get(code));
    }

    /** Every measure, in the order registered. */
    public Collection<Measure> all() {
        return measures.values();
    }

    /** A new registry holding these measures and {@code extra}; codes are unique so scores stay unambiguous. */
    public MeasureRegistry with(Measure extra) {
        if (extra == null) {
            throw new IllegalArgumentException("measure: required");
        }
        if (measures.containsKey(extra.code())) {
            throw new IllegalArgumentException("code: " + extra.code() + " is already registered");
        }
        Map<String, Measure> extended = new LinkedHashMap<>(measures);
        extended.put(extra.code(), extra);
        return new MeasureRegistry(extended);
    }
}
