package app.steady.reminders.notifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The client's miss streaks, keyed by assignment: found through the client's reminders, so erased before them
 * (highest precedence among the owners).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class MissStreakDataOwner implements ClientDataOwner {

    private final MongoTemplate mongo;

    MissStreakDataOwner(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long erase(String tenantId, String clientId) {
        List<String> streakIds = assignmentsOf(tenantId, clientId).stream().map(id -> tenantId + ":" + id).toList();
        return streakIds.isEmpty() ? 0
                : mongo.remove(Query.query(where("_id").in(streakIds)), MissStreak.class).getDeletedCount();
    }

    /** Counts kept for the therapist's missed-pattern note; nothing the client told us. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    private List<String> assignmentsOf(String tenantId, String clientId) {
        return mongo.findDistinct(Query.query(where("tenantId").is(tenantId).and("clientId").is(clientId)),
                "assignmentId", "reminders", String.class);
    }
}
