package app.steady.homework.library;

import app.steady.homework.assignment.HomeworkKind;
import java.util.List;

/** The techniques every tenant's library starts with: common, well-described CBT homework. */
final class DefaultTechniques {

    static final List<Technique> ALL = List.of(
            new Technique("box-breathing", null, HomeworkKind.RELAXATION, "Box breathing",
                    "Slow breathing in four equal counts: in, hold, out, hold.",
                    "Slowing the breath calms the body's stress response and gives a moment to step back.", 5,
                    List.of("Sit comfortably and breathe out fully", "Breathe in through your nose for 4",
                            "Hold for 4", "Breathe out for 4", "Hold for 4", "Repeat for a few minutes")),
            new Technique("progressive-muscle-relaxation", null, HomeworkKind.RELAXATION, "Progressive muscle relaxation",
                    "Tensing and releasing muscle groups one after another.",
                    "Noticing the difference between tension and relaxation helps release tension you carry.", 15,
                    List.of("Start with your feet: tense for 5 seconds", "Release and notice the change for 10 seconds",
                            "Move up through legs, stomach, hands, arms, shoulders and face")),
            new Technique("body-scan", null, HomeworkKind.MINDFULNESS, "Body scan",
                    "Moving attention slowly through the body without trying to change anything.",
                    "Practising non-judgemental attention makes it easier to notice early signs of stress.", 10,
                    List.of("Lie or sit comfortably", "Bring attention to your toes", "Slowly move attention upwards",
                            "When your mind wanders, gently come back")),
            new Technique("thought-record", null, HomeworkKind.WORKSHEET, "Thought record",
                    "Writing down a situation, the thoughts and feelings it brought, and a balanced view.",
                    "Seeing thoughts on paper helps to test them against the evidence.", 15,
                    List.of("Describe the situation", "Note the automatic thought and how strongly you believe it",
                            "Name the feelings (0-100)", "Evidence for and against", "A balanced thought")),
            new Technique("pleasant-activity", null, HomeworkKind.BEHAVIOURAL_ACTIVATION, "Planned pleasant activity",
                    "Scheduling a small activity you used to enjoy or that matters to you, and doing it.",
                    "Acting first often brings motivation after; activity lifts mood more than waiting to feel like it.", 30,
                    List.of("Pick one small activity", "Plan when and where", "Do it", "Rate enjoyment and achievement 0-10")),
            new Technique("gratitude-journal", null, HomeworkKind.JOURNALING, "Three good things",
                    "Writing down three things that went well today and why.",
                    "Regularly noticing good moments shifts attention from what went wrong.", 10,
                    List.of("Write three things that went well", "For each, write why it happened")),
            new Technique("daily-mood", null, HomeworkKind.MOOD_CHECK_IN, "Daily mood check-in",
                    "Rating mood, anxiety, energy and sleep once a day.",
                    "A daily record shows patterns and progress over weeks that are hard to see day to day.", 2,
                    List.of("Rate your mood 0-10", "Add anxiety, energy and sleep if you like", "Pick words for your feelings")),
            new Technique("phq-9", null, HomeworkKind.QUESTIONNAIRE, "PHQ-9 questionnaire",
                    "Nine questions about the last two weeks.",
                    "Tracking scores over time shows whether therapy is helping.", 5,
                    List.of("Answer each question for the last two weeks")),
            new Technique("gad-7", null, HomeworkKind.QUESTIONNAIRE, "GAD-7 questionnaire",
                    "Seven questions about worry and anxiety over the last two weeks.",
                    "Tracking scores over time shows whether therapy is helping.", 3,
                    List.of("Answer each question for the last two weeks")));

    private DefaultTechniques() {
    }
}
