package app.steady.platform.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One access to a client's information by someone else. Written once, never updated. */
@Document("audit_log")
@CompoundIndex(name = "tenant_client_time", def = "{'tenantId': 1, 'clientId': 1, 'at': -1}")
public record AuditEntry(@Id String id, String tenantId, String actorId, String actorRole, String clientId,
                         String action, Instant at, String remoteAddress, int status, String outcome) {
}
