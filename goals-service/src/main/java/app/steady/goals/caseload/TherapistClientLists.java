package app.steady.goals.caseload;

import app.steady.platform.caseload.TherapistLists;
import app.steady.platform.store.KeyedReads;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Each therapist's clients ({@code therapist_client_lists}): a therapist's caseload and goals are read through it
 * and the assignments by id (issue 17). The assignment stays the truth.
 */
@Component
class TherapistClientLists extends TherapistLists<CaseloadAssignment> {

    static final String COLLECTION = "therapist_client_lists";

    TherapistClientLists(MongoTemplate mongo, KeyedReads keyedReads) {
        super(mongo, keyedReads, COLLECTION, CaseloadAssignment.class);
    }

    @Override
    protected String documentIdOf(String tenantId, String clientId) {
        return CaseloadAssignment.idOf(tenantId, clientId);
    }

    @Override
    protected String tenantOf(CaseloadAssignment assignment) {
        return assignment.tenantId();
    }

    @Override
    protected String clientOf(CaseloadAssignment assignment) {
        return assignment.clientId();
    }

    @Override
    protected String therapistOf(CaseloadAssignment assignment) {
        return assignment.therapistId();
    }
}
