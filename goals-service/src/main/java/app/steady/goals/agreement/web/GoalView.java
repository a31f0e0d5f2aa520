package app.steady.goals.agreement.web;

import app.steady.goals.agreement.Goal;
import app.steady.goals.agreement.GoalStatus;
import app.steady.goals.agreement.Party;
import java.time.Instant;
import java.time.LocalDate;

record GoalView(String id, String clientId, String therapistId, String title, String whyItMatters,
                String measurableTarget, LocalDate targetDate, int weight, int version, GoalStatus status,
                Party proposedBy, boolean agreedByClient, boolean agreedByTherapist, Instant proposedAt,
                Instant agreedAt) {

    static GoalView of(Goal goal) {
        return new GoalView(goal.id(), goal.clientId(), goal.therapistId(), goal.content().title(),
                goal.content().whyItMatters(), goal.content().measurableTarget(), goal.content().targetDate(),
                goal.content().weight(), goal.contentVersion(), goal.status(), goal.proposedBy(),
                goal.agreedBy(Party.CLIENT), goal.agreedBy(Party.THERAPIST), goal.proposedAt(), goal.agreedAt());
    }
}
