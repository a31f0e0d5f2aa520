package app.steady.goals.agreement.web;

import app.steady.goals.agreement.Goal;
import app.steady.goals.agreement.GoalAgreements;
import app.steady.goals.agreement.GoalStatus;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A client's goals, for the client and their treating therapist. Changes accept {@code If-Match} with the ETag the
 * caller read; a stale one gets 412. Lifecycle operations are sub-resources (agreement, activation, revision,
 * achievement, discontinuation, check-ins).
 */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/goals")
class GoalController {

    private static final String IF_MATCH = "If-Match";

    private final GoalAgreements goals;

    GoalController(GoalAgreements goals) {
        this.goals = goals;
    }

    @PostMapping
    ResponseEntity<GoalView> propose(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @Valid @RequestBody GoalRequest request) {
        Goal goal = goals.propose(caller, clientId, request.toContent());
        return ResponseEntity.created(URI.create("/clients/" + clientId + "/goals/" + goal.id()))
                .eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }

    @GetMapping
    List<GoalView> list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                        @RequestParam(required = false) GoalStatus status) {
        return goals.ofClient(caller, clientId, status).stream().map(GoalView::summaryOf).toList();
    }

    @GetMapping("/{goalId}")
    ResponseEntity<GoalView> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                 @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId) {
        return view(goals.find(caller, clientId, goalId));
    }

    /** Changes a proposal (before it is agreed); the other party must agree to the new version. */
    @PutMapping("/{goalId}")
    ResponseEntity<GoalView> edit(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                  @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                  @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                  @Valid @RequestBody GoalRequest request) {
        return view(goals.edit(caller, clientId, goalId, ETags.revisionOf(ifMatch), request.toContent()));
    }

    @PostMapping("/{goalId}/agreement")
    ResponseEntity<GoalView> agree(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                   @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                   @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                   @Valid @RequestBody LifecycleRequests.Agree request) {
        return view(goals.agree(caller, clientId, goalId, ETags.revisionOf(ifMatch), request.version()));
    }

    @PostMapping("/{goalId}/activation")
    ResponseEntity<GoalView> activate(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                      @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                      @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return view(goals.activate(caller, clientId, goalId, ETags.revisionOf(ifMatch)));
    }

    /** Proposes a new version of an agreed or active goal; it takes effect when the other party agrees to it. */
    @PostMapping("/{goalId}/revision")
    ResponseEntity<GoalView> revise(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                    @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                    @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                    @Valid @RequestBody GoalRequest request) {
        return view(goals.proposeRevision(caller, clientId, goalId, ETags.revisionOf(ifMatch), request.toContent()));
    }

    @PostMapping("/{goalId}/achievement")
    ResponseEntity<GoalView> achieve(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                     @RequestHeader(name = IF_MATCH, required = false) String ifMatch) {
        return view(goals.achieve(caller, clientId, goalId, ETags.revisionOf(ifMatch)));
    }

    @PostMapping("/{goalId}/discontinuation")
    ResponseEntity<GoalView> discontinue(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                         @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                         @RequestHeader(name = IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody LifecycleRequests.Discontinue request) {
        return view(goals.discontinue(caller, clientId, goalId, ETags.revisionOf(ifMatch), request.reason(),
                request.note()));
    }

    @PostMapping("/{goalId}/check-ins")
    ResponseEntity<GoalView> checkIn(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                     @Valid @RequestBody LifecycleRequests.RecordCheckIn request) {
        Goal goal = goals.recordCheckIn(caller, clientId, goalId, request.attainmentScore(),
                request.percentComplete(), request.confidence(), request.note());
        return ResponseEntity.status(201).eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }

    @PutMapping("/{goalId}/check-ins/{checkInId}/comment")
    ResponseEntity<GoalView> comment(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN) String goalId,
                                     @PathVariable @Pattern(regexp = Ids.PATTERN) String checkInId,
                                     @Valid @RequestBody LifecycleRequests.Comment request) {
        return view(goals.commentOnCheckIn(caller, clientId, goalId, checkInId, request.comment()));
    }

    private static ResponseEntity<GoalView> view(Goal goal) {
        return ResponseEntity.ok().eTag(ETags.of(goal.revision())).body(GoalView.of(goal));
    }
}
