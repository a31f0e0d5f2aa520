package app.steady.homework.assignment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AssignmentRepository extends MongoRepository<Assignment, String> {

    Optional<Assignment> findByIdAndTenantIdAndClientId(String id, String tenantId, String clientId);

    List<Assignment> findByTenantIdAndClientIdOrderByAssignedAtDesc(String tenantId, String clientId);

    List<Assignment> findByTenantIdAndClientIdAndStatus(String tenantId, String clientId, Assignment.Status status);

    List<Assignment> findByStatusAndNextMissedCheckAtLessThanEqual(Assignment.Status status, Instant now, Pageable page);

    List<Assignment> findByStatusAndPublishedUntilLessThan(Assignment.Status status, Instant before, Pageable page);
}
