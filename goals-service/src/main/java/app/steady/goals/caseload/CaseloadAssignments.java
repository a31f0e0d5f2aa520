package app.steady.goals.caseload;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CaseloadAssignments extends MongoRepository<CaseloadAssignment, String> {
}
