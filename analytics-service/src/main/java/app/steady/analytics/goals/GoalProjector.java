package app.steady.analytics.goals;

import app.steady.events.EventType;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalDiscontinued;
import app.steady.events.goals.GoalProgressRecorded;
import app.steady.events.goals.GoalRevised;
import app.steady.events.goals.GoalSet;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ProjectionUpdater;
import app.steady.platform.consuming.ReceivedEvent;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Keeps {@link ClientGoals} current from goals-service's lifecycle events. */
@Component
class GoalProjector implements EventHandler {

    private final ProjectionUpdater projections;

    GoalProjector(ProjectionUpdater projections) {
        this.projections = projections;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.GOAL_SET, EventType.GOAL_REVISED, EventType.GOAL_ACHIEVED, EventType.GOAL_DISCONTINUED,
                EventType.GOAL_PROGRESS_RECORDED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        projections.apply(events, ClientGoals.class,
                event -> ClientGoals.idOf(event.tenant(), event.subject()),
                (id, first) -> new ClientGoals(id, first.tenant(), first.subject()),
                GoalProjector::apply);
    }

    private static void apply(ClientGoals goals, ReceivedEvent<?> event) {
        if (event.data() instanceof GoalSet set) {
            goals.track(set.goalId(), TrackedGoal.Status.ACTIVE, set.agreedAt());
        } else if (event.data() instanceof GoalRevised revised) {
            goals.track(revised.goalId(), TrackedGoal.Status.ACTIVE, revised.revisedAt());
        } else if (event.data() instanceof GoalAchieved achieved) {
            goals.track(achieved.goalId(), TrackedGoal.Status.ACHIEVED, achieved.achievedAt());
        } else if (event.data() instanceof GoalProgressRecorded progress) {
            goals.progress(progress.clientTScore(), progress.recordedAt());
        } else if (event.data() instanceof GoalDiscontinued discontinued) {
            goals.track(discontinued.goalId(), TrackedGoal.Status.DISCONTINUED, discontinued.discontinuedAt());
        }
    }
}
