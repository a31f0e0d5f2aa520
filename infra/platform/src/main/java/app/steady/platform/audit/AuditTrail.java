package app.steady.platform.audit;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.platform.privacy.SubjectDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;

/** Reading the trail (a tenant's admins) and removing entries past retention (not relying on TTL indexes). */
public class AuditTrail {

    private final MongoTemplate mongo;
    private final Duration retention;
    private final Clock clock;
    private final SubjectDigest digest;

    public AuditTrail(MongoTemplate mongo, Duration retention, Clock clock, SubjectDigest digest) {
        this.mongo = mongo;
        this.retention = retention;
        this.clock = clock;
        this.digest = digest;
    }

    public List<AuditEntry> of(String tenantId, String clientId, Instant from, Instant to, int page, int size) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (clientId != null) {
            // An erased client's entries are kept under its digest: found by the id, which they no longer hold (under the
            // unkeyed digest if they were pseudonymised before digests were keyed).
            List<String> forms = new ArrayList<>(digest.storedForms(tenantId, clientId));
            forms.add(0, clientId);
            criteria = criteria.and("clientId").in(forms);
        }
        if (from != null || to != null) {
            criteria = criteria.and("at").gte(from == null ? Instant.EPOCH : from).lt(to == null ? clock.instant().plusSeconds(1) : to);
        }
        return mongo.find(Query.query(criteria).with(PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "at"))),
                AuditEntry.class);
    }

    /**
     * Erasure: the entries keep who did what and when, but no longer name the client (its keyed digest instead). Their
     * client-record-accessed events still waiting in the outbox are re-pointed by
     * {@link app.steady.platform.privacy.ErasedClientOutbox#forget}.
     */
    public void pseudonymise(String tenantId, String clientId) {
        mongo.updateMulti(Query.query(where("tenantId").is(tenantId).and("clientId").is(clientId)),
                Update.update("clientId", digest.of(tenantId, clientId)), AuditEntry.class);
    }

    @Scheduled(fixedDelayString = "${steady.audit.purge-every}")
    public void purgeExpired() {
        mongo.remove(Query.query(where("at").lt(clock.instant().minus(retention))), AuditEntry.class);
    }
}
