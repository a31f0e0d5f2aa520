package app.steady.goals.agreement.web;

import app.steady.goals.agreement.Goal;
import app.steady.goals.agreement.GoalAgreements;
import app.steady.goals.agreement.GoalContent;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's goals, for the client and their treating therapist. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/goals")
class GoalController {

    private final GoalAgreements agreements;

    GoalController(GoalAgreements agreements) {
        this.agreements = agreements;
    }

    @PostMapping
    ResponseEntity<GoalView> propose(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @Valid @RequestBody ProposeGoalRequest request) {
        Goal goal = agreements.propose(caller, clientId, new GoalContent(request.title(), request.whyItMatters(),
                request.measurableTarget(), request.targetDate(), request.weight() == null ? 1 : request.weight()));
        return ResponseEntity.created(URI.create("/clients/" + clientId + "/goals/" + goal.id()))
                .eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }

    @PostMapping("/{goalId}/agreement")
    ResponseEntity<GoalView> agree(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                   @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody AgreeRequest request) {
        Goal goal = agreements.agree(caller, clientId, goalId, request.version(), ETags.revisionOf(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }

    @GetMapping
    List<GoalView> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return agreements.ofClient(caller, clientId).stream().map(GoalView::of).toList();
    }

    @GetMapping("/{goalId}")
    ResponseEntity<GoalView> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                 @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId) {
        Goal goal = agreements.find(caller, clientId, goalId);
        return ResponseEntity.ok().eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }
}
