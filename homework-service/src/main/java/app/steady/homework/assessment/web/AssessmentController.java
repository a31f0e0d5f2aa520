package app.steady.homework.assessment.web;

import app.steady.homework.assessment.Assessment;
import app.steady.homework.assessment.Assessments;
import app.steady.homework.questionnaires.AssessmentScore;
import app.steady.homework.questionnaires.Measure;
import app.steady.homework.support.PreferredLocales;
import app.steady.homework.support.SupportOffer;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.web.Ids;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Questionnaires. The client reads a number and a trend in plain words, never a band, caseness or safety flag
 * (shared CLINICAL.md, "What the client sees"); their treating therapist reads the clinical view.
 */
@RestController
@Validated
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /**
     * The questionnaires available: for a client what a form needs (items and their range); for clinicians also the
     * bands, caseness threshold, safety item and source. Not for an operator (metrics only).
     */
    @GetMapping("/measures")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST', 'ADMIN')")
    List<?> measures(Caller caller) {
        List<Measure> measures = assessments.measures();
        return caller.is(Role.CLIENT) ? measures.stream().map(QuestionnaireForm::of).toList() : measures;
    }

    /** Completed by the client; after a safety answer the answer carries {@code support} for them at once. */
    @PostMapping("/clients/{clientId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    ClientAssessmentView complete(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                  @Valid @RequestBody CompleteAssessment request,
                                  @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String languages) {
        Assessment completed = assessments.complete(caller, clientId, request.measure(), request.items(),
                request.assignmentId(), request.occurrenceId(), PreferredLocales.fromAcceptLanguage(languages));
        Integer previousTotal = assessments.previousTotals(caller, clientId, List.of(completed)).get(completed.id());
        return ClientAssessmentView.of(completed, previousTotal, completed.support().orElse(null));
    }

    /** Newest first; the client's own view when the client asks, the clinical view when their therapist does. */
    @GetMapping("/clients/{clientId}/assessments")
    AssessmentPage history(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Assessment> found = assessments.history(caller, clientId, PageRequest.of(page, size));
        List<? extends AssessmentView> items;
        if (caller.isClient(clientId)) {
            Map<String, Integer> previousTotals = assessments.previousTotals(caller, clientId, found.getContent());
            items = found.getContent().stream()
                    .map(a -> ClientAssessmentView.of(a, previousTotals.get(a.id()), null)).toList();
        } else {
            items = found.getContent().stream().map(ClinicianAssessmentView::of).toList();
        }
        return new AssessmentPage(items, found.getNumber(), found.getTotalElements());
    }

    /** {@code items} in questionnaire order, every item answered; optionally the questionnaire occurrence it answers. */
    record CompleteAssessment(@NotBlank @Size(max = 20) String measure, @NotNull @Size(max = 50) List<Integer> items,
                              @Pattern(regexp = Ids.PATTERN) String assignmentId,
                              @Pattern(regexp = Ids.PATTERN) String occurrenceId) {
    }

    sealed interface AssessmentView permits ClientAssessmentView, ClinicianAssessmentView {
    }

    /**
     * What the client reads. {@code previousTotal} is their last total on the same questionnaire (absent the first
     * time) and {@code trend} says how this one compares, without judging it; {@code support} only in the answer to a
     * safety answer.
     */
    record ClientAssessmentView(String id, String measure, List<Integer> items, int total,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer previousTotal, String trend,
                                String occurrenceId, Instant completedAt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) SupportOffer support)
            implements AssessmentView {

        static ClientAssessmentView of(Assessment assessment, Integer previousTotal, SupportOffer support) {
            AssessmentScore score = assessment.score();
            return new ClientAssessmentView(assessment.id(), score.measure(), score.items(), score.total(),
                    previousTotal, trend(score.total(), previousTotal), assessment.occurrenceId(),
                    assessment.completedAt(), support);
        }

        /** A change in points, not in meaning: which way is better, and by how much, is for the therapist to say. */
        static String trend(int total, Integer previousTotal) {
            if (previousTotal == null) {
                return "The first time you have answered this questionnaire here.";
            }
            int change = total - previousTotal;
            if (change == 0) {
                return "The same as last time (" + previousTotal + ").";
            }
            int points = Math.abs(change);
            return points + (points == 1 ? " point " : " points ") + (change < 0 ? "lower" : "higher")
                    + " than last time (" + previousTotal + ").";
        }
    }

    /** What the treating therapist reads: the score with its band, caseness and safety signal, and whether the client
     * was offered support. */
    record ClinicianAssessmentView(String id, String measure, List<Integer> items, int total, String band,
                                   boolean caseness, boolean safetySignal, boolean supportOffered, String occurrenceId,
                                   Instant completedAt) implements AssessmentView {

        static ClinicianAssessmentView of(Assessment assessment) {
            AssessmentScore score = assessment.score();
            return new ClinicianAssessmentView(assessment.id(), score.measure(), score.items(), score.total(),
                    score.band(), score.caseness(), score.safetySignal(), assessment.support().isPresent(),
                    assessment.occurrenceId(), assessment.completedAt());
        }
    }

    record AssessmentPage(List<? extends AssessmentView> items, int page, long totalItems) {
    }

    /** A questionnaire as a client's form needs it: how many items, answered on which scale. */
    record QuestionnaireForm(String code, String name, int items, int itemMin, int itemMax) {

        static QuestionnaireForm of(Measure measure) {
            return new QuestionnaireForm(measure.code(), measure.name(), measure.items(), measure.itemMin(),
                    measure.itemMax());
        }
    }
}
