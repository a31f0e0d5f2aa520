package app.steady.homework.support;

import app.steady.events.goals.WellnessPlanUpdated;
import app.steady.platform.consuming.Projection;
import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The steps and contacts of a client's agreed wellness plan, as goals-service last published them: what the client is
 * shown after a safety answer. Erased and exported with the client ({@code steady.privacy.client-collections}).
 */
@Document("client_wellness_plans")
public class WellnessPlanCopy extends Projection {

    private String tenantId;
    private String clientId;
    private String planId;
    /** The plan's agreed version (the projection's own {@code version} is its optimistic lock). */
    private Integer planVersion;
    private Instant updatedAt;
    private List<String> steps = List.of();
    private List<Contact> contacts = List.of();

    protected WellnessPlanCopy() {
    }

    WellnessPlanCopy(String id, String tenantId, String clientId) {
        super(id);
        this.tenantId = tenantId;
        this.clientId = clientId;
    }

    static String idOf(String tenantId, String clientId) {
        return tenantId + ":" + clientId;
    }

    /**
     * Takes the plan's content if it is a newer version than the one kept, so a replayed or late older version never
     * replaces a newer one. Events written before the plan carried steps and contacts read as an empty plan.
     */
    void update(WellnessPlanUpdated plan) {
        if (planVersion != null && plan.version() <= planVersion) {
            return;
        }
        planId = plan.planId();
        planVersion = plan.version();
        updatedAt = plan.updatedAt();
        steps = plan.copingStrategies() == null ? List.of() : List.copyOf(plan.copingStrategies());
        contacts = plan.contacts() == null ? List.of()
                : plan.contacts().stream().map(c -> new Contact(c.name(), c.relationship(), c.phone())).toList();
    }

    public List<String> steps() {
        return steps == null ? List.of() : steps;
    }

    public List<Contact> contacts() {
        return contacts == null ? List.of() : contacts;
    }

    /** Someone the client chose in their plan to contact. */
    public record Contact(String name, String relationship, String phone) {
    }
}
