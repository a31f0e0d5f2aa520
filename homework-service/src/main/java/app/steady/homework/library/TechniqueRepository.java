package app.steady.homework.library;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface TechniqueRepository extends MongoRepository<Technique, String> {

    List<Technique> findByTenantId(String tenantId);

    long countByTenantId(String tenantId);
}
