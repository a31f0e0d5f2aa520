package app.steady.goals.strengths;

import org.springframework.data.mongodb.repository.MongoRepository;

interface StrengthInventoryRepository extends MongoRepository<StrengthInventory, String> {
}
