package app.steady.goals.agreement;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface GoalRepository extends MongoRepository<Goal, String> {

    Optional<Goal> findByIdAndTenantIdAndClientId(String id, String tenantId, String clientId);

    List<Goal> findByTenantIdAndClientIdOrderByProposedAtDesc(String tenantId, String clientId);
}
