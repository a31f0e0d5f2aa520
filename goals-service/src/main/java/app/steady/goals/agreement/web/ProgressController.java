package app.steady.goals.agreement.web;

import app.steady.goals.agreement.CheckIn;
import app.steady.goals.agreement.Goal;
import app.steady.goals.agreement.GoalAgreements;
import app.steady.goals.agreement.GoalStatus;
import app.steady.platform.security.Caller;
import app.steady.platform.web.DeprecatedPaths;
import app.steady.platform.web.Ids;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import app.steady.platform.errors.InvalidRequestException;

/** Progress across goals: a client's latest progress and GAS T-score, and a therapist's caseload view. */
@RestController
@Validated
class ProgressController {

    private static final Set<String> SORTABLE = Set.of("proposedAt", "agreedAt", "status", "clientId",
            "content.targetDate", "content.title");

    private final GoalAgreements goals;

    ProgressController(GoalAgreements goals) {
        this.goals = goals;
    }

    @GetMapping("/clients/{clientId}/goal-progress")
    ClientProgress progress(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        List<GoalProgress> active = goals.ofClient(caller, clientId, GoalStatus.ACTIVE).stream()
                .map(GoalProgress::of).toList();
        OptionalDouble tScore = goals.tScoreOf(caller, clientId);
        return new ClientProgress(clientId, tScore.isPresent() ? Math.round(tScore.getAsDouble() * 10) / 10.0 : null,
                active);
    }

    /**
     * The same at its old path, which collided with analytics-service's {@code /clients/{id}/progress} (the client's
     * progress in plain words) at the front door.
     *
     * @deprecated since the front-door release; use {@code /clients/{clientId}/goal-progress}. Removed one release later.
     */
    @Deprecated
    @GetMapping("/clients/{clientId}/progress")
    ClientProgress progressAtItsOldPath(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                        HttpServletResponse response) {
        DeprecatedPaths.markReplacedBy(response, "/clients/" + clientId + "/goal-progress");
        return progress(caller, clientId);
    }

    /** The goals of the calling therapist's clients, paged; {@code sort} is a field and a direction, e.g. {@code content.targetDate,asc}. */
    @GetMapping("/therapists/me/goals")
    @PreAuthorize("hasRole('THERAPIST')")
    CaseloadPage caseload(Caller therapist, @RequestParam(required = false) GoalStatus status,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                            @RequestParam(defaultValue = "proposedAt,desc") String sort) {
        Page<Goal> found = goals.ofCaseload(therapist, status, PageRequest.of(page, size, sortOf(sort)));
        return new CaseloadPage(found.getContent().stream().map(GoalView::summaryOf).toList(), found.getNumber(),
                found.getSize(), found.getTotalElements(), found.getTotalPages());
    }

    private static Sort sortOf(String sort) {
        String[] parts = sort.split(",");
        if (!SORTABLE.contains(parts[0]) || parts.length > 2
                || (parts.length == 2 && !parts[1].equalsIgnoreCase("asc") && !parts[1].equalsIgnoreCase("desc"))) {
            throw new InvalidRequestException("sort", "one of " + SORTABLE + ", optionally followed by ,asc or ,desc");
        }
        Sort.Direction direction = parts.length == 2 && parts[1].equalsIgnoreCase("asc")
                ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(direction, parts[0]).and(Sort.by("_id"));
    }

    /** One page of a caseload's goals (a stable shape, unlike serializing Spring's Page). */
    record CaseloadPage(List<GoalView> items, int page, int size, long totalItems, int totalPages) {
    }

    record ClientProgress(String clientId, Double attainmentTScore, List<GoalProgress> activeGoals) {
    }

    record GoalProgress(String goalId, String title, int weight, boolean scaled, CheckIn latestCheckIn) {
        static GoalProgress of(Goal goal) {
            return new GoalProgress(goal.id(), goal.content().title(), goal.content().weight(),
                    goal.content().isScaled(), goal.latestCheckIn().orElse(null));
        }
    }
}
