package app.steady.goals.wellnessplan;

import app.steady.events.EventData;
import app.steady.goals.agreement.Party;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Co-writing a client's wellness plan, for the client and their treating therapist. */
@Service
public class WellnessPlans {

    private final WellnessPlanRepository plans;
    private final AggregateStore store;
    private final ClientAccess access;
    private final Clock clock;

    WellnessPlans(WellnessPlanRepository plans, AggregateStore store, ClientAccess access, Clock clock) {
        this.plans = plans;
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    public WellnessPlan of(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return load(caller.tenantId(), clientId);
    }

    public WellnessPlan writeDraft(Caller caller, String clientId, Long ifMatch, PlanContent content) {
        WellnessPlan plan = loadForChange(caller, clientId, ifMatch);
        plan.writeDraft(Party.of(caller), content);
        return save(caller, plan, List.of());
    }

    public WellnessPlan agree(Caller caller, String clientId, Long ifMatch, int version) {
        WellnessPlan plan = loadForChange(caller, clientId, ifMatch);
        return save(caller, plan, plan.agree(Party.of(caller), version, clock.instant()));
    }

    private WellnessPlan loadForChange(Caller caller, String clientId, Long ifMatch) {
        WellnessPlan plan = of(caller, clientId);
        ETags.requireCurrent(ifMatch, plan.revision(), "wellness plan");
        return plan;
    }

    private WellnessPlan save(Caller caller, WellnessPlan plan, List<EventData> events) {
        return plan.isStored() ? store.update(plan, caller.tenantId(), events) : store.insert(plan, caller.tenantId(), events);
    }

    private WellnessPlan load(String tenantId, String clientId) {
        return plans.findById(WellnessPlan.idOf(tenantId, clientId))
                .orElseGet(() -> WellnessPlan.emptyFor(tenantId, clientId));
    }
}
