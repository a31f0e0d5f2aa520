package app.steady.homework.assessment;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AssessmentRepository extends MongoRepository<Assessment, String> {

    Page<Assessment> findByTenantIdAndClientIdOrderByCompletedAtDesc(String tenantId, String clientId, Pageable page);
}
