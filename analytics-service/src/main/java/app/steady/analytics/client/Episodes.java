package app.steady.analytics.client;

import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import java.time.Clock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Episodes of care opened explicitly by the treating therapist (assignment and discharge open and end them too). */
@Service
public class Episodes {

    private static final int ATTEMPTS = 5;

    private final ClientRecordRepository records;
    private final MongoTemplate mongo;
    private final ClientAccess access;
    private final Clock clock;

    Episodes(ClientRecordRepository records, MongoTemplate mongo, ClientAccess access, Clock clock) {
        this.records = records;
        this.mongo = mongo;
        this.access = access;
        this.clock = clock;
    }

    /** Ends the client's open episode and starts a new one now; its baselines are the scores taken from now on. */
    public Episode open(Caller therapist, String clientId) {
        access.requireAccess(therapist, clientId);
        if (therapist.role() != Role.THERAPIST) {
            throw new AccessDeniedException("An episode of care is opened by the treating therapist");
        }
        String id = ClientRecord.idOf(therapist.tenantId(), clientId);
        for (int attempt = 1; ; attempt++) {
            ClientRecord record = records.findById(id).orElseGet(() -> new ClientRecord(id, therapist.tenantId(), clientId));
            Episode opened = record.openEpisode(therapist.userId(), clock.instant());
            try {
                mongo.save(record); // versioned: fails if the projector wrote the record meanwhile
                return opened;
            } catch (OptimisticLockingFailureException | DuplicateKeyException writtenMeanwhile) {
                if (attempt >= ATTEMPTS) {
                    throw writtenMeanwhile;
                }
            }
        }
    }
}
