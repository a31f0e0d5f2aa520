package app.steady.analytics.digest;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Therapists' digests name the clients needing attention: an erased client's id is taken out of them. */
@Component
class DigestDataOwner implements ClientDataOwner {

    private final MongoTemplate mongo;

    DigestDataOwner(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.documents("therapist_digests", mongo.updateMulti(
                Query.query(where("tenantId").is(tenantId).and("needingAttentionClients").is(clientId)),
                new Update().pull("needingAttentionClients", clientId), TherapistDigest.class).getModifiedCount()));
    }

    /** Digests are the therapist's; the client's own figures are in the client record. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }
}
