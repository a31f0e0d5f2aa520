package app.steady.analytics.client;

import app.steady.analytics.goals.ClientGoalSummaries.GoalCounts;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's progress in their own words: streaks, how much practice they did, their mood trend, goals and
 * questionnaire scores over time. Never flags, statuses or clinical labels such as "caseness".
 */
public record ClientProgress(List<String> highlights, Integer currentStreakDays, Integer bestStreakDays,
                             Integer practiceDoneLast28DaysPercent, List<ClientInsights.DayPoint> mood,
                             GoalCounts goals, List<ClientInsights.MeasureOutcome> questionnaires) {

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
        List<ClientInsights.MeasureOutcome> questionnaires = summary.outcomes().stream()
                .map(o -> new ClientInsights.MeasureOutcome(o.measure(), o.baseline(), o.latest(), o.latestBand(), null,
                        null, null, o.trajectory()))
                .toList();
        return new ClientProgress(highlights, adherence.currentStreakDays(), adherence.bestStreakDays(),
                adherence.last28Days() == null ? null : (int) Math.round(adherence.last28Days() * 100),
                summary.mood().daily(), goals, questionnaires);
    }
}
