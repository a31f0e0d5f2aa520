package app.steady.homework.assignment;

/** The kinds of between-session practice. */
public enum HomeworkKind {
    JOURNALING, MOOD_CHECK_IN, RELAXATION, MINDFULNESS, BEHAVIOURAL_ACTIVATION, WORKSHEET, QUESTIONNAIRE
}
