package app.steady.reminders.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Miss streaks that older versions of this service counted per assignment ({@code miss_streaks}, keyed
 * {@code tenant:assignment}). Missed-homework notes now come from analytics' MISSED_HOMEWORK flag alone, so nothing writes
 * them any more; existing databases may still hold some, and erasure still removes the client's. They are found through
 * the client's reminders, so they are erased before them (highest precedence among the owners).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissStreakDataOwner implements ClientDataOwner {

    static final String COLLECTION = "miss_streaks";

    private final MongoTemplate mongo;

    MissStreakDataOwner(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        List<String> streakIds = assignmentsOf(tenantId, clientId).stream().map(id -> tenantId + ":" + id).toList();
        return List.of(ErasedPart.documents(COLLECTION, streakIds.isEmpty() ? 0
                : mongo.remove(Query.query(where("_id").in(streakIds)), COLLECTION).getDeletedCount()));
    }

    /** Counts once kept for the therapist's missed-pattern note; nothing the client told us. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    private List<String> assignmentsOf(String tenantId, String clientId) {
        return mongo.findDistinct(Query.query(where("tenantId").is(tenantId).and("clientId").is(clientId)),
                "assignmentId", "reminders", String.class);
    }
}
