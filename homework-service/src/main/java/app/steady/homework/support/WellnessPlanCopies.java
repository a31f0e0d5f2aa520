package app.steady.homework.support;

import app.steady.events.EventType;
import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.consuming.ProjectionUpdater;
import app.steady.platform.consuming.ReceivedEvent;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps each client's {@link WellnessPlanCopy} from goals-service's {@code wellness-plan-updated} events. The ledger
 * in each copy makes redelivery harmless and the plan's version makes replay and late events harmless.
 */
@Component
class WellnessPlanCopies implements EventHandler {

    private final ProjectionUpdater projections;
    private final MongoTemplate mongo;

    WellnessPlanCopies(ProjectionUpdater projections, MongoTemplate mongo) {
        this.projections = projections;
        this.mongo = mongo;
    }

    @Override
    public Set<EventType> handledTypes() {
        return Set.of(EventType.WELLNESS_PLAN_UPDATED);
    }

    @Override
    public void handle(List<ReceivedEvent<?>> events) {
        projections.apply(events, WellnessPlanCopy.class,
                event -> WellnessPlanCopy.idOf(event.tenant(), event.subject()),
                (id, first) -> new WellnessPlanCopy(id, first.tenant(), first.subject()),
                (copy, event) -> copy.update((WellnessPlanUpdated) event.data()));
    }

    /** The client's plan as last agreed; empty when goals-service has published none for them. */
    Optional<WellnessPlanCopy> of(String tenantId, String clientId) {
        return Optional.ofNullable(mongo.findById(WellnessPlanCopy.idOf(tenantId, clientId), WellnessPlanCopy.class));
    }
}
