package app.steady.analytics.goals.web;

import app.steady.analytics.goals.ClientGoalSummaries;
import app.steady.analytics.goals.ClientGoalSummaries.GoalCounts;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
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

    @GetMapping("/clients/{clientId}/goals/summary")
    GoalCounts summary(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return summaries.of(caller, clientId);
    }
}
