package app.steady.homework.journal;

import java.util.List;

import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface JournalEntryRepository extends MongoRepository<JournalEntry, String> {

    Optional<JournalEntry> findByIdAndTenantIdAndClientId(String id, String tenantId, String clientId);

    Page<JournalEntry> findByTenantIdAndClientIdOrderByRecordedAtDesc(String tenantId, String clientId, Pageable page);

    Page<JournalEntry> findByTenantIdAndClientIdAndSharedWithTherapistTrueOrderByRecordedAtDesc(String tenantId,
                                                                                               String clientId,
                                                                                               Pageable page);

    List<JournalEntry> findByTenantIdAndClientId(String tenantId, String clientId);

    long deleteByTenantIdAndClientId(String tenantId, String clientId);
}
