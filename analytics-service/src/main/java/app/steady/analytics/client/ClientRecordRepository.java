package app.steady.analytics.client;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ClientRecordRepository extends MongoRepository<ClientRecord, String> {

    List<ClientRecord> findByTenantIdAndTherapistId(String tenantId, String therapistId);
}
