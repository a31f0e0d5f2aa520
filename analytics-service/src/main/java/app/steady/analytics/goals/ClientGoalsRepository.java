package app.steady.analytics.goals;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ClientGoalsRepository extends MongoRepository<ClientGoals, String> {
}
