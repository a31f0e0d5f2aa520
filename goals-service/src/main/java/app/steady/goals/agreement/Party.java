package app.steady.goals.agreement;

/** The two parties to a goal. */
public enum Party {
    CLIENT, THERAPIST
}
