package app.steady.platform.audit;

import app.steady.platform.outbox.PublishesEvents;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.springframework.data.annotation.Version;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One access to a client's information by someone else. Written once, never changed — except that erasing the
 * client replaces {@code clientId} by the client's {@link app.steady.platform.privacy.SubjectDigest digest}.
 */
@Document("audit_log")
@PublishesEvents
@CompoundIndex(name = "tenant_client_time", def = "{'tenantId': 1, 'clientId': 1, 'at': -1}")
public record AuditEntry(@Id String id, String tenantId, String actorId, String actorRole, String clientId,
                         String action, Instant at, String remoteAddress, int status, String outcome,
                         @JsonIgnore @Version Long version) {
}
