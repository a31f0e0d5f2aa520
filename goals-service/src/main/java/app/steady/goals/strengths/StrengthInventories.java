package app.steady.goals.strengths;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Reading and changing a client's strengths, for the client and their treating therapist. */
@Service
public class StrengthInventories {

    private final StrengthInventoryRepository inventories;
    private final ClientAccess access;
    private final Clock clock;

    StrengthInventories(StrengthInventoryRepository inventories, ClientAccess access, Clock clock) {
        this.inventories = inventories;
        this.access = access;
        this.clock = clock;
    }

    public List<Strength> of(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return load(caller.tenantId(), clientId).strengths();
    }

    public Strength add(Caller caller, String clientId, Strength.Kind kind, String description) {
        access.requireAccess(caller, clientId);
        StrengthInventory inventory = load(caller.tenantId(), clientId);
        Strength strength = inventory.add(kind, description, caller.userId(), clock.instant());
        inventories.save(inventory);
        return strength;
    }

    public void remove(Caller caller, String clientId, String strengthId) {
        access.requireAccess(caller, clientId);
        StrengthInventory inventory = load(caller.tenantId(), clientId);
        if (!inventory.remove(strengthId)) {
            throw new NotFoundException("Strength " + strengthId);
        }
        inventories.save(inventory);
    }

    /** The ids among {@code strengthIds} that are not in the client's inventory. */
    public List<String> unknownIds(String tenantId, String clientId, List<String> strengthIds) {
        if (strengthIds.isEmpty()) {
            return List.of();
        }
        StrengthInventory inventory = load(tenantId, clientId);
        return strengthIds.stream().filter(id -> !inventory.has(id)).toList();
    }

    private StrengthInventory load(String tenantId, String clientId) {
        return inventories.findById(StrengthInventory.idOf(tenantId, clientId))
                .orElseGet(() -> StrengthInventory.emptyFor(tenantId, clientId));
    }
}
