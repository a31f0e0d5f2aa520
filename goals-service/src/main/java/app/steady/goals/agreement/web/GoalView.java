package app.steady.goals.agreement.web;

import app.steady.goals.agreement.CheckIn;
import app.steady.goals.agreement.Discontinuation;
import app.steady.goals.agreement.Goal;
import app.steady.goals.agreement.GoalContent;
import app.steady.goals.agreement.GoalStatus;
import app.steady.goals.agreement.GoalVersion;
import app.steady.goals.agreement.Party;
import java.time.Instant;
import java.util.List;

/** A goal as the API shows it: current content, agreement state, pending revision, history and check-ins. */
record GoalView(String id, String clientId, String therapistId, GoalStatus status, int version,
                GoalContent content, Party proposedBy, boolean agreedByClient, boolean agreedByTherapist,
                GoalContent pendingRevision, Party revisionProposedBy, Instant proposedAt, Instant agreedAt,
                Instant activatedAt, Instant closedAt, Discontinuation discontinuation, CheckIn latestCheckIn,
                List<GoalVersion> history, List<CheckIn> checkIns) {

    static GoalView of(Goal goal) {
        return new GoalView(goal.id(), goal.clientId(), goal.therapistId(), goal.status(), goal.contentVersion(),
                goal.content(), goal.proposedBy(), goal.agreedBy(Party.CLIENT), goal.agreedBy(Party.THERAPIST),
                goal.pendingRevision(), goal.revisionProposedBy(), goal.proposedAt(), goal.agreedAt(),
                goal.activatedAt(), goal.closedAt(), goal.discontinuation(), goal.latestCheckIn().orElse(null),
                goal.history(), goal.checkIns());
    }

    /** The list form: everything but the history and the check-ins. */
    static GoalView summaryOf(Goal goal) {
        GoalView full = of(goal);
        return new GoalView(full.id, full.clientId, full.therapistId, full.status, full.version, full.content,
                full.proposedBy, full.agreedByClient, full.agreedByTherapist, full.pendingRevision,
                full.revisionProposedBy, full.proposedAt, full.agreedAt, full.activatedAt, full.closedAt,
                full.discontinuation, full.latestCheckIn, null, null);
    }
}
