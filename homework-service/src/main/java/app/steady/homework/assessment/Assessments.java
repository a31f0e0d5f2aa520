package app.steady.homework.assessment;

import app.steady.homework.assignment.Assignments;
import app.steady.homework.questionnaires.AssessmentScore;
import app.steady.homework.questionnaires.InvalidAnswersException;
import app.steady.homework.questionnaires.Measure;
import app.steady.homework.questionnaires.MeasureRegistry;
import app.steady.homework.questionnaires.Scoring;
import app.steady.homework.support.SupportOffer;
import app.steady.homework.support.SupportOffers;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.FieldError;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final SupportOffers support;
    private final Clock clock;

    Assessments(AssessmentRepository assessments, AggregateStore store, ClientAccess access, MeasureRegistry measures,
                Assignments assignments, SupportOffers support, Clock clock) {
        this.assessments = assessments;
        this.store = store;
        this.access = access;
        this.measures = measures;
        this.assignments = assignments;
        this.support = support;
        this.clock = clock;
    }

    /**
     * Scores and stores a questionnaire; given the occurrence it answers, that occurrence is completed (idempotently).
     * A safety answer brings the client support at once, stored and sent to their app in the same document write as
     * the assessment, so one is never without the other.
     *
     * @param preferredLocales the client's languages, most preferred first: which crisis resources they are shown
     */
    public Assessment complete(Caller caller, String clientId, String measureCode, List<Integer> items,
                               String assignmentId, String occurrenceId, List<Locale> preferredLocales) {
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
        SupportOffer offer = score.safetySignal()
                ? support.offerTo(caller.tenantId(), clientId, preferredLocales) : null;
        Assessment assessment = new Assessment(UUID.randomUUID().toString(), caller.tenantId(), clientId, occurrenceId,
                score, clock.instant(), offer);
        return store.insert(assessment, caller.tenantId(), assessment.completed());
    }

    public Page<Assessment> history(Caller caller, String clientId, Pageable page) {
        access.requireAccess(caller, clientId);
        return assessments.findByTenantIdAndClientIdOrderByCompletedAtDesc(caller.tenantId(), clientId, page);
    }

    /**
     * Each assessment's previous total on the same measure, by assessment id (absent: the first of its measure). The
     * assessments are one client's, newest first (as {@link #history} pages them): all but the oldest of each measure
     * find theirs among them, so at most one query per measure.
     */
    public Map<String, Integer> previousTotals(Caller caller, String clientId, List<Assessment> newestFirst) {
        access.requireAccess(caller, clientId);
        Map<String, Integer> previous = new HashMap<>();
        for (int i = 0; i < newestFirst.size(); i++) {
            Assessment assessment = newestFirst.get(i);
            String measure = assessment.score().measure();
            newestFirst.subList(i + 1, newestFirst.size()).stream()
                    .filter(earlier -> earlier.score().measure().equals(measure)).findFirst()
                    .or(() -> assessments.findFirstByTenantIdAndClientIdAndScoreMeasureAndCompletedAtBeforeOrderByCompletedAtDesc(
                            caller.tenantId(), clientId, measure, assessment.completedAt()))
                    .ifPresent(earlier -> previous.put(assessment.id(), earlier.score().total()));
        }
        return previous;
    }

    public List<Measure> measures() {
        return List.copyOf(measures.all());
    }
}
