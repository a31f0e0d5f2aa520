package app.steady.goals.caseload;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseloadAssignments extends MongoRepository<CaseloadAssignment, String> {

    List<CaseloadAssignment> findByTenantIdAndTherapistIdOrderByClientId(String tenantId, String therapistId);

    List<CaseloadAssignment> findByClientIdIn(Collection<String> clientIds);
}
