package app.steady.homework.questionnaires;

import java.util.List;

/** The measures every Steady installation offers, transcribed from their published scoring rules. */
public final class StandardMeasures {

    /** Patient Health Questionnaire, depression: nine items 0–3; item 9 asks about thoughts of self-harm. */
    public static final Measure PHQ_9 = new Measure("PHQ-9", "Patient Health Questionnaire-9", 9, 0, 3,
            List.of(new Band("MINIMAL", 0, 4), new Band("MILD", 5, 9), new Band("MODERATE", 10, 14),
                    new Band("MODERATELY_SEVERE", 15, 19), new Band("SEVERE", 20, 27)),
            10, 9, 1,
            "Kroenke K, Spitzer RL, Williams JBW (2001). The PHQ-9: validity of a brief depression severity measure."
                    + " J Gen Intern Med 16:606-613.");

    /** Generalized Anxiety Disorder scale: seven items 0–3, no safety item. */
    public static final Measure GAD_7 = new Measure("GAD-7", "Generalized Anxiety Disorder-7", 7, 0, 3,
            List.of(new Band("MINIMAL", 0, 4), new Band("MILD", 5, 9), new Band("MODERATE", 10, 14),
                    new Band("SEVERE", 15, 21)),
            8, null, 0,
            "Spitzer RL, Kroenke K, Williams JBW, Löwe B (2006). A brief measure for assessing generalized anxiety"
                    + " disorder: the GAD-7. Arch Intern Med 166:1092-1097.");

    private StandardMeasures() {
    }
}
