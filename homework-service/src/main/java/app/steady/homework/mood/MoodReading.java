package app.steady.homework.mood;

import java.util.List;

/** What a mood check-in measures: mood 0-10 and, optionally, anxiety and energy 0-10, hours slept and emotions. */
public record MoodReading(int mood, Integer anxiety, Integer energy, Double sleepHours, List<String> emotions) {

    public MoodReading {
        emotions = emotions == null ? List.of() : List.copyOf(emotions);
    }
}
