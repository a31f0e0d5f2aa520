package app.steady.analytics.goals.web;

import app.steady.analytics.goals.ClientGoalSummaries;
import app.steady.analytics.goals.ClientGoalSummaries.GoalCounts;
import app.steady.platform.security.Caller;
import app.steady.platform.web.DeprecatedPaths;
import app.steady.platform.web.Ids;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class ClientGoalsController {

    private final ClientGoalSummaries summaries;

    ClientGoalsController(ClientGoalSummaries summaries) {
        this.summaries = summaries;
    }

    /** How many of the client's goals are in each state. */
    @GetMapping("/clients/{clientId}/goal-counts")
    GoalCounts summary(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return summaries.of(caller, clientId);
    }

    /**
     * The same at its old path, which shadowed goals-service's {@code /clients/{id}/goals/{goalId}} at the front door.
     *
     * @deprecated since the front-door release; use {@code /clients/{clientId}/goal-counts}. Removed one release later.
     */
    @Deprecated
    @GetMapping("/clients/{clientId}/goals/summary")
    GoalCounts summaryAtItsOldPath(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                   HttpServletResponse response) {
        DeprecatedPaths.markReplacedBy(response, "/clients/" + clientId + "/goal-counts");
        return summary(caller, clientId);
    }
}
