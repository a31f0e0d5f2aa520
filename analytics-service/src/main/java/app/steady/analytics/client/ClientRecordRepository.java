package app.steady.analytics.client;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ClientRecordRepository extends MongoRepository<ClientRecord, String> {
}
