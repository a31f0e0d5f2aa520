package app.steady.homework.assessment;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AssessmentRepository extends MongoRepository<Assessment, String> {

    Page<Assessment> findByTenantIdAndClientIdOrderByCompletedAtDesc(String tenantId, String clientId, Pageable page);

    Optional<Assessment> findFirstByTenantIdAndClientIdAndScoreMeasureAndCompletedAtBeforeOrderByCompletedAtDesc(
            String tenantId, String clientId, String measure, Instant before);
}
