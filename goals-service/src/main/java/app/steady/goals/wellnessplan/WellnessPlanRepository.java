package app.steady.goals.wellnessplan;

import org.springframework.data.mongodb.repository.MongoRepository;

interface WellnessPlanRepository extends MongoRepository<WellnessPlan, String> {
}
