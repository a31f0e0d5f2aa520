package app.steady.homework.assessment.web;

import app.steady.homework.assessment.Assessment;
import app.steady.homework.assessment.Assessments;
import app.steady.homework.questionnaires.AssessmentScore;
import app.steady.homework.questionnaires.Measure;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class AssessmentController {

    private final Assessments assessments;

    AssessmentController(Assessments assessments) {
        this.assessments = assessments;
    }

    /** The questionnaires available, with their items' range and bands. */
    @GetMapping("/measures")
    List<Measure> measures() {
        return assessments.measures();
    }

    @PostMapping("/clients/{clientId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    AssessmentView complete(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                            @Valid @RequestBody CompleteAssessment request) {
        return AssessmentView.of(assessments.complete(caller, clientId, request.measure(), request.items(),
                request.assignmentId(), request.occurrenceId()));
    }

    @GetMapping("/clients/{clientId}/assessments")
    AssessmentPage history(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<Assessment> found = assessments.history(caller, clientId, PageRequest.of(page, size));
        return new AssessmentPage(found.getContent().stream().map(AssessmentView::of).toList(), found.getNumber(),
                found.getTotalElements());
    }

    /** {@code items} in questionnaire order, every item answered; optionally the questionnaire occurrence it answers. */
    record CompleteAssessment(@NotBlank @Size(max = 20) String measure, @NotNull @Size(max = 50) List<Integer> items,
                              @Pattern(regexp = Ids.PATTERN) String assignmentId,
                              @Pattern(regexp = Ids.PATTERN) String occurrenceId) {
    }

    record AssessmentView(String id, String measure, List<Integer> items, int total, String band, boolean caseness,
                          boolean safetySignal, String occurrenceId, Instant completedAt) {
        static AssessmentView of(Assessment assessment) {
            AssessmentScore score = assessment.score();
            return new AssessmentView(assessment.id(), score.measure(), score.items(), score.total(), score.band(),
                    score.caseness(), score.safetySignal(), assessment.occurrenceId(), assessment.completedAt());
        }
    }

    record AssessmentPage(List<AssessmentView> items, int page, long totalItems) {
    }
}
