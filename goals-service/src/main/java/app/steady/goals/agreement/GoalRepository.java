package app.steady.goals.agreement;

import java.util.Collection;
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

    Page<Goal> findByTenantIdAndClientIdIn(String tenantId, Collection<String> clientIds, Pageable page);

    Page<Goal> findByTenantIdAndClientIdInAndStatus(String tenantId, Collection<String> clientIds, GoalStatus status,
                                                    Pageable page);
}
