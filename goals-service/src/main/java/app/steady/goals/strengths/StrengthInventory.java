package app.steady.goals.strengths;

import app.steady.platform.errors.ConflictException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** All of one client's strengths, one document per client. */
@Document("strength_inventories")
public class StrengthInventory {

    static final int MAX_STRENGTHS = 200;

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private List<Strength> strengths = new ArrayList<>();
    @Version
    private Long revision;

    protected StrengthInventory() {
    }

    static StrengthInventory emptyFor(String tenantId, String clientId) {
        StrengthInventory inventory = new StrengthInventory();
        inventory.id = idOf(tenantId, clientId);
        inventory.tenantId = tenantId;
        inventory.clientId = clientId;
        return inventory;
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    Strength add(Strength.Kind kind, String description, String addedBy, Instant now) {
        if (strengths.size() >= MAX_STRENGTHS) {
            throw new ConflictException("TOO_MANY_STRENGTHS", "A client's inventory holds up to " + MAX_STRENGTHS);
        }
        Strength strength = new Strength(UUID.randomUUID().toString(), kind, description, addedBy, now);
        strengths.add(strength);
        return strength;
    }

    boolean remove(String strengthId) {
        return strengths.removeIf(strength -> strength.id().equals(strengthId));
    }

    boolean has(String strengthId) {
        return strengths.stream().anyMatch(strength -> strength.id().equals(strengthId));
    }

    public List<Strength> strengths() {
        return List.copyOf(strengths);
    }
}
