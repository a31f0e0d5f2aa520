package app.steady.homework.assessment;

import app.steady.homework.assignment.Assignments;
import app.steady.homework.questionnaires.AssessmentScore;
import app.steady.homework.questionnaires.InvalidAnswersException;
import app.steady.homework.questionnaires.Measure;
import app.steady.homework.questionnaires.MeasureRegistry;
import app.steady.homework.questionnaires.Scoring;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.FieldError;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** The client completes questionnaires; the client and their therapist read the history. */
@Service
public class Assessments {

    private final AssessmentRepository assessments;
    private final AggregateStore store;
    private final ClientAccess access;
    private final MeasureRegistry measures;
    private final Assignments assignments;
    private final Clock clock;

    Assessments(AssessmentRepository assessments, AggregateStore store, ClientAccess access, MeasureRegistry measures,
                Assignments assignments, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.access = access;
        this.measures = measures;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** Scores and stores a questionnaire; given the occurrence it answers, that occurrence is completed (idempotently). */
    public Assessment complete(Caller caller, String clientId, String measureCode, List<Integer> items,
                               String assignmentId, String occurrenceId) {
        access.requireClientThemselves(caller, clientId, "Questionnaires are completed by the client");
        Measure measure = measures.find(measureCode).orElseThrow(() -> new InvalidRequestException("measure",
                "one of " + measures.all().stream().map(Measure::code).toList()));
        AssessmentScore score;
        try {
            score = Scoring.score(measure, items);
        } catch (InvalidAnswersException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(problem -> new FieldError(problem.substring(0, problem.indexOf(':')),
                            problem.substring(problem.indexOf(':') + 1).trim()))
                    .toList());
        }
        assignments.completeAnsweredOccurrence(caller, clientId, assignmentId, occurrenceId);
        Assessment assessment = new Assessment(UUID.randomUUID().toString(), caller.tenantId(), clientId, occurrenceId,
                score, clock.instant());
        return store.insert(assessment, caller.tenantId(), assessment.completed());
    }

    public Page<Assessment> history(Caller caller, String clientId, Pageable page) {
        access.requireAccess(caller, clientId);
        return assessments.findByTenantIdAndClientIdOrderByCompletedAtDesc(caller.tenantId(), clientId, page);
    }

    public List<Measure> measures() {
        return List.copyOf(measures.all());
    }
}
