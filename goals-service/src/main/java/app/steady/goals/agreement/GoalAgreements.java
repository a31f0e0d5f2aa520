package app.steady.goals.agreement;

import app.steady.events.EventData;
import app.steady.goals.attainment.AttainmentTScore;
import app.steady.goals.attainment.AttainmentTScore.ScoredGoal;
import app.steady.goals.caseload.Caseload;
import app.steady.goals.strengths.StrengthInventories;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import app.steady.platform.web.ETags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Use cases of a client's goals, for the client and their treating therapist: proposing, agreeing, revising,
 * progress, closing. Every change is written with its events in one document write, against the revision the
 * caller read when they send one ({@code If-Match}).
 */
@Service
public class GoalAgreements {

    private static final int WRITE_ATTEMPTS = 10;

    private final GoalRepository goals;
    private final AggregateStore store;
    private final ClientAccess access;
    private final Caseload caseload;
    private final StrengthInventories strengths;
    private final Clock clock;

    GoalAgreements(GoalRepository goals, AggregateStore store, ClientAccess access, Caseload caseload,
                   StrengthInventories strengths, Clock clock) {
        this.goals = goals;
        this.store = store;
        this.access = access;
        this.caseload = caseload;
        this.strengths = strengths;
        this.clock = clock;
    }

    public Goal propose(Caller caller, String clientId, GoalContent content) {
        access.requireAccess(caller, clientId);
        requireKnownStrengths(caller, clientId, content);
        String therapistId = caseload.therapistOf(caller.tenantId(), clientId)
                .orElseThrow(() -> new ConflictException("NO_THERAPIST",
                        "Goals are set with a therapist; this client has none assigned yet"));
        Goal goal = Goal.propose(UUID.randomUUID().toString(), caller.tenantId(), clientId, therapistId, content,
                Party.of(caller), clock.instant());
        return store.insert(goal, caller.tenantId(), List.of());
    }

    public Goal edit(Caller caller, String clientId, String goalId, Long ifMatch, GoalContent content) {
        requireKnownStrengths(caller, clientId, content);
        return change(caller, clientId, goalId, ifMatch, goal -> {
            goal.edit(Party.of(caller), content);
            return List.of();
        });
    }

    public Goal agree(Caller caller, String clientId, String goalId, Long ifMatch, int version) {
        return change(caller, clientId, goalId, ifMatch, goal -> goal.agree(Party.of(caller), version, clock.instant()));
    }

    public Goal activate(Caller caller, String clientId, String goalId, Long ifMatch) {
        return change(caller, clientId, goalId, ifMatch, goal -> {
            goal.activate(clock.instant());
            return List.of();
        });
    }

    public Goal proposeRevision(Caller caller, String clientId, String goalId, Long ifMatch, GoalContent content) {
        requireKnownStrengths(caller, clientId, content);
        return change(caller, clientId, goalId, ifMatch, goal -> {
            goal.proposeRevision(Party.of(caller), content);
            return List.of();
        });
    }

    public Goal achieve(Caller caller, String clientId, String goalId, Long ifMatch) {
        return change(caller, clientId, goalId, ifMatch, goal -> goal.achieve(clock.instant()));
    }

    public Goal discontinue(Caller caller, String clientId, String goalId, Long ifMatch,
                            Discontinuation.Reason reason, String note) {
        return change(caller, clientId, goalId, ifMatch,
                goal -> goal.discontinue(new Discontinuation(reason, note, Party.of(caller)), clock.instant()));
    }

    /** Only the client records their progress; the event carries their GAS T-score across scaled goals after it. */
    public Goal recordCheckIn(Caller caller, String clientId, String goalId, Integer attainmentScore,
                              Integer percentComplete, int confidence, String note) {
        access.requireClientThemselves(caller, clientId, "Progress is recorded by the client; therapists comment on it");
        return change(caller, clientId, goalId, null, goal -> {
            CheckIn checkIn = goal.recordCheckIn(attainmentScore, percentComplete, confidence, note, clock.instant());
            OptionalDouble tScore = tScoreWith(goal);
            return List.of(goal.progressRecorded(checkIn, tScore.isPresent() ? round(tScore.getAsDouble()) : null));
        });
    }

    public Goal commentOnCheckIn(Caller caller, String clientId, String goalId, String checkInId, String comment) {
        if (caller.role() != Role.THERAPIST) {
            access.requireAccess(caller, clientId);
            throw new AccessDeniedException("Only the treating therapist comments on check-ins");
        }
        return change(caller, clientId, goalId, null, goal -> {
            goal.commentOnCheckIn(checkInId, comment, clock.instant());
            return List.of();
        });
    }

    public Goal find(Caller caller, String clientId, String goalId) {
        access.requireAccess(caller, clientId);
        return goals.findByIdAndTenantIdAndClientId(goalId, caller.tenantId(), clientId)
                .orElseThrow(() -> new NotFoundException("Goal " + goalId));
    }

    public List<Goal> ofClient(Caller caller, String clientId, GoalStatus status) {
        access.requireAccess(caller, clientId);
        return status == null
                ? goals.findByTenantIdAndClientIdOrderByProposedAtDesc(caller.tenantId(), clientId)
                : goals.findByTenantIdAndClientIdAndStatusOrderByProposedAtDesc(caller.tenantId(), clientId, status);
    }

    /** A therapist's view across their caseload, paged and sorted. */
    public Page<Goal> ofCaseload(Caller therapist, GoalStatus status, Pageable page) {
        // Decided by the caseload as it is now: a goal's therapistId is who it was proposed with, and a former
        // therapist must lose sight of it when the client moves on (issue 16).
        List<String> clients = caseload.clientsOf(therapist.tenantId(), therapist.userId()).stream()
                .map(assignment -> assignment.clientId()).toList();
        if (clients.isEmpty()) {
            return Page.empty(page);
        }
        return status == null
                ? goals.findByTenantIdAndClientIdIn(therapist.tenantId(), clients, page)
                : goals.findByTenantIdAndClientIdInAndStatus(therapist.tenantId(), clients, status, page);
    }

    /** The client's GAS T-score now: their active scaled goals, each by its latest score. */
    public OptionalDouble tScoreOf(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        return tScore(goals.findByTenantIdAndClientIdAndStatusOrderByProposedAtDesc(caller.tenantId(), clientId,
                GoalStatus.ACTIVE));
    }

    private OptionalDouble tScoreWith(Goal changed) {
        List<Goal> active = new ArrayList<>(goals.findByTenantIdAndClientIdAndStatusOrderByProposedAtDesc(
                changed.tenantId(), changed.clientId(), GoalStatus.ACTIVE));
        active.removeIf(goal -> goal.id().equals(changed.id()));
        active.add(changed);
        return tScore(active);
    }

    private static OptionalDouble tScore(List<Goal> active) {
        List<ScoredGoal> scored = new ArrayList<>();
        for (Goal goal : active) {
            if (goal.content().isScaled()) {
                goal.latestCheckIn().map(CheckIn::attainmentScore)
                        .ifPresent(score -> scored.add(new ScoredGoal(score, goal.content().weight())));
            }
        }
        return AttainmentTScore.of(scored);
    }

    /**
     * Applies a change to the stored goal. With {@code If-Match} the caller's revision must still be current (else 412);
     * without it, a write that lost a race with another is re-applied to the fresh goal (a few times), since the caller
     * did not base it on a particular revision.
     */
    private Goal change(Caller caller, String clientId, String goalId, Long ifMatch,
                        Function<Goal, List<EventData>> change) {
        for (int attempt = 1; ; attempt++) {
            Goal goal = find(caller, clientId, goalId);
            ETags.requireCurrent(ifMatch, goal.revision(), "goal");
            List<EventData> events = change.apply(goal);
            try {
                return store.update(goal, caller.tenantId(), events);
            } catch (OptimisticLockingFailureException raced) {
                if (ifMatch != null || attempt >= WRITE_ATTEMPTS) {
                    throw raced;
                }
                pauseBeforeRetry(attempt);
            }
        }
    }

    /** A short, growing, randomised pause, so writers that raced do not collide again in lockstep. */
    private static void pauseBeforeRetry(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a write", e);
        }
    }

    private void requireKnownStrengths(Caller caller, String clientId, GoalContent content) {
        List<String> unknown = strengths.unknownIds(caller.tenantId(), clientId, content.strengthIds());
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("strengthIds", "not in the client's strengths: " + unknown);
        }
    }

    private static double round(double tScore) {
        return Math.round(tScore * 10) / 10.0;
    }

}
