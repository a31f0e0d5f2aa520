package app.steady.goals.safety;

import org.springframework.data.mongodb.repository.MongoRepository;

interface SafetySettingsRepository extends MongoRepository<SafetySettings, String> {
}
