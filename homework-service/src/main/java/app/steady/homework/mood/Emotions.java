package app.steady.homework.mood;

import java.util.Set;

/** The emotion words a mood check-in may carry: a fixed vocabulary, so they travel as data, not free text. */
public final class Emotions {

    public static final Set<String> VOCABULARY = Set.of(
            "calm", "content", "grateful", "hopeful", "joyful", "proud", "relieved", "energised",
            "anxious", "worried", "sad", "lonely", "angry", "irritable", "ashamed", "guilty", "overwhelmed",
            "tired", "numb", "restless", "stressed", "bored");

    private Emotions() {
    }
}
