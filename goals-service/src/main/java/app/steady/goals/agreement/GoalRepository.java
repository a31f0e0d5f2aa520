package app.steady.goals.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface GoalRepository extends MongoRepository<Goal, String> {

    Optional<Goal> findByIdAndTenantIdAndClientId(String id, String tenantId, String clientId);

    List<Goal> findByTenantIdAndClientIdOrderByProposedAtDesc(String tenantId, String clientId);

    List<Goal> findByTenantIdAndClientIdAndStatusOrderByProposedAtDesc(String tenantId, String clientId,
                                                                        GoalStatus status);

    Page<Goal> findByTenantIdAndTherapistId(String tenantId, String therapistId, Pageable page);

    Page<Goal> findByTenantIdAndTherapistIdAndStatus(String tenantId, String therapistId, GoalStatus status,
                                                     Pageable page);
}
