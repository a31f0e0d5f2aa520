package app.steady.homework.mood;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface MoodEntryRepository extends MongoRepository<MoodEntry, String> {

    Page<MoodEntry> findByTenantIdAndClientIdOrderByLoggedAtDesc(String tenantId, String clientId, Pageable page);

    List<MoodEntry> findByTenantIdAndClientId(String tenantId, String clientId);

    long deleteByTenantIdAndClientId(String tenantId, String clientId);
}
