package app.steady.analytics.client;

import app.steady.platform.caseload.TherapistLists;
import app.steady.platform.store.KeyedReads;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each therapist's clients ({@code therapist_caseloads}): the dashboard and the weekly digest read a therapist's
 * client records through it (issue 17). The client record stays the truth.
 */
@Component
public class TherapistCaseloads extends TherapistLists<ClientRecord> {

    static final String COLLECTION = "therapist_caseloads";

    TherapistCaseloads(MongoTemplate mongo, KeyedReads keyedReads) {
        super(mongo, keyedReads, COLLECTION, ClientRecord.class);
    }

    @Override
    protected String documentIdOf(String tenantId, String clientId) {
        return ClientRecord.idOf(tenantId, clientId);
    }

    @Override
    protected String tenantOf(ClientRecord record) {
        return record.tenantId();
    }

    @Override
    protected String clientOf(ClientRecord record) {
        return record.clientId();
    }

    @Override
    protected String therapistOf(ClientRecord record) {
        return record.therapistId();
    }
}
