package app.steady.analytics.client;

import app.steady.analytics.goals.ClientGoalSummaries.GoalCounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's progress in their own words: streaks, how much practice they did, their mood trend, goals and
 * questionnaire scores over time as numbers and a trend. Never a label (shared CLINICAL.md, "What the client sees"): no
 * severity band, caseness, outcome category, status or flag, here or in the words.
 */
public record ClientProgress(List<String> highlights, Integer currentStreakDays, Integer bestStreakDays,
                             Integer practiceDoneLast28DaysPercent, List<ClientInsights.DayPoint> mood,
                             GoalCounts goals, List<Questionnaire> questionnaires) {

    /** A questionnaire's scores over time: the first of this course of care, the newest, and each one with its date. */
    public record Questionnaire(String measure, int first, int latest, List<Score> scores) {
    }

    public record Score(Instant at, int total) {
    }

    static ClientProgress of(ClientInsights.Summary summary, GoalCounts goals) {
        List<String> highlights = new ArrayList<>();
        ClientInsights.Adherence adherence = summary.adherence();
        if (adherence.currentStreakDays() > 1) {
            highlights.add("You have practised " + adherence.currentStreakDays() + " days in a row.");
        }
        if (adherence.last28Days() != null) {
            highlights.add("You did " + Math.round(adherence.last28Days() * 100) + "% of your planned practice in the last four weeks.");
        }
        Double change = summary.mood().changeFromBaseline();
        if (change != null && change >= 1) {
            highlights.add("Your mood this week is higher than when you started.");
        } else if (change != null && change <= -1) {
            highlights.add("This week has felt harder than when you started. Your wellness plan has things that help you.");
        }
        if (goals.achieved() > 0) {
            highlights.add("You have achieved " + goals.achieved() + (goals.achieved() == 1 ? " goal." : " goals."));
        }
        List<Questionnaire> questionnaires = new ArrayList<>();
        for (ClientInsights.MeasureOutcome outcome : summary.outcomes()) {
            questionnaires.add(new Questionnaire(outcome.measure(), outcome.baseline(), outcome.latest(),
                    outcome.trajectory().stream().map(p -> new Score(p.at(), p.total())).toList()));
            if (outcome.latest() < outcome.baseline()) {
                // Lower is better on these questionnaires; said as a plain number, without a judgement.
                highlights.add("Your latest " + outcome.measure() + " score is " + outcome.latest() + ", down from "
                        + outcome.baseline() + " when you started.");
            }
        }
        return new ClientProgress(highlights, adherence.currentStreakDays(), adherence.bestStreakDays(),
                adherence.last28Days() == null ? null : (int) Math.round(adherence.last28Days() * 100),
                summary.mood().daily(), goals, questionnaires);
    }
}
