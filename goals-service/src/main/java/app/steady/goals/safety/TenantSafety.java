package app.steady.goals.safety;

import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.platform.web.ETags;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Maintains each tenant's safety settings and answers what they are. As their owner, goals-service reads its own
 * store instead of keeping a replica of its own events.
 */
@Service
public class TenantSafety implements TenantSafetyDirectory {

    private final SafetySettingsRepository settings;
    private final AggregateStore store;
    private final SafetyRules rules;
    private final Clock clock;

    TenantSafety(SafetySettingsRepository settings, AggregateStore store, SafetyProperties properties, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.rules = new SafetyRules(properties);
        this.clock = clock;
    }

    @Override
    public Optional<TenantSafetySettings> of(String tenantId) {
        return find(tenantId).map(SafetySettings::asSettings);
    }

    public Optional<SafetySettings> find(String tenantId) {
        return settings.findById(tenantId);
    }

    /**
     * Replaces a tenant's safety settings whole, publishing the change.
     *
     * @param ifMatch the revision the admin read, or null to replace whatever is there
     * @throws app.steady.platform.errors.InvalidRequestException naming every field that breaks a rule
     * @throws app.steady.platform.errors.PreconditionFailedException when someone else changed them since
     */
    public SafetySettings replace(String tenantId, Long ifMatch, SafetySettingsProposal proposal) {
        SafetyContent content = rules.check(proposal);
        SafetySettings current = find(tenantId).orElseGet(() -> SafetySettings.newFor(tenantId));
        ETags.requireCurrent(ifMatch, current.revision(), "safety settings");
        var events = current.replaceWith(content, clock.instant());
        if (events.isEmpty()) {
            return current;
        }
        return current.isStored() ? store.update(current, tenantId, events) : store.insert(current, tenantId, events);
    }
}
