package app.steady.goals.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalDiscontinued;
import app.steady.events.goals.GoalRevised;
import app.steady.events.goals.GoalSet;
import app.steady.goals.attainment.AttainmentScale;
import app.steady.platform.errors.ConflictException;
import app.steady.platform.errors.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GoalLifecycleTest {

    static final Instant NOW = Instant.parse("2026-03-30T08:00:00Z");
    static final AttainmentScale SCALE = new AttainmentScale("No walks", "One walk a week", "Three walks a week",
            "Five walks a week", "A walk every day");

    @Test
    void aProposalIsSetOnlyWhenTheOtherPartyAgreesToTheSameVersion() {
        Goal goal = proposed(Party.CLIENT, null);
        assertThat(goal.agreedBy(Party.CLIENT)).isTrue();
        assertThat(goal.agreedBy(Party.THERAPIST)).isFalse();

        var events = goal.agree(Party.THERAPIST, 1, NOW);

        assertThat(goal.status()).isEqualTo(GoalStatus.AGREED);
        assertThat(events).singleElement().isInstanceOfSatisfying(GoalSet.class, set -> {
            assertThat(set.version()).isEqualTo(1);
            assertThat(set.weight()).isEqualTo(2);
            assertThat(set.attainmentScaled()).isFalse();
        });
    }

    @Test
    void aChangeAfterTheOtherPartyAgreedNeedsTheirAgreementAgain() {
        Goal proposal = proposed(Party.THERAPIST, null);
        proposal.edit(Party.CLIENT, content("Walk four times a week", null));

        assertThat(proposal.contentVersion()).isEqualTo(2);
        assertThat(proposal.agreedBy(Party.CLIENT)).isTrue();
        assertThat(proposal.agreedBy(Party.THERAPIST)).as("the therapist agreed to version 1 only").isFalse();
        assertThatThrownBy(() -> proposal.agree(Party.THERAPIST, 1, NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("VERSION_CHANGED"));
        assertThat(proposal.agree(Party.THERAPIST, 2, NOW)).hasSize(1);
    }

    @Test
    void theFirstCheckInActivatesAnAgreedGoal() {
        Goal goal = agreed(null);
        goal.recordCheckIn(null, 40, 7, "Walked twice", NOW);
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.latestCheckIn()).hasValueSatisfying(c -> assertThat(c.percentComplete()).isEqualTo(40));
    }

    @Test
    void aScaledGoalTakesAttainmentScoresAndAnUnscaledOnePercentages() {
        Goal scaled = agreed(SCALE);
        assertThatThrownBy(() -> scaled.recordCheckIn(null, 50, 5, null, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("attainmentScore");
        scaled.recordCheckIn(1, null, 5, null, NOW);

        Goal unscaled = agreed(null);
        assertThatThrownBy(() -> unscaled.recordCheckIn(1, null, 5, null, NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("percentComplete");
    }

    @Test
    void anAgreedRevisionReplacesTheGoalAndKeepsTheOldVersionInItsHistory() {
        Goal goal = agreed(null);
        goal.activate(NOW);
        goal.proposeRevision(Party.CLIENT, content("Walk five times a week", SCALE));
        assertThat(goal.content().title()).as("unchanged until both agree").isEqualTo("Walk three times a week");
        assertThatThrownBy(() -> goal.agree(Party.THERAPIST, 1, NOW)).isInstanceOf(ConflictException.class);

        var events = goal.agree(Party.THERAPIST, 2, NOW);

        assertThat(goal.content().title()).isEqualTo("Walk five times a week");
        assertThat(goal.contentVersion()).isEqualTo(2);
        assertThat(goal.status()).isEqualTo(GoalStatus.ACTIVE);
        assertThat(goal.history()).singleElement().satisfies(version -> {
            assertThat(version.version()).isEqualTo(1);
            assertThat(version.status()).isEqualTo(GoalStatus.REVISED);
            assertThat(version.content().title()).isEqualTo("Walk three times a week");
        });
        assertThat(events).singleElement().isInstanceOfSatisfying(GoalRevised.class, revised -> {
            assertThat(revised.previousVersion()).isEqualTo(1);
            assertThat(revised.version()).isEqualTo(2);
            assertThat(revised.attainmentScaled()).isTrue();
        });
    }

    @Test
    void onlyAnActiveGoalCanBeAchieved() {
        Goal goal = agreed(null);
        assertThatThrownBy(() -> goal.achieve(NOW))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("INVALID_TRANSITION"));
        goal.activate(NOW);
        assertThat(goal.achieve(NOW)).singleElement().isInstanceOf(GoalAchieved.class);
        assertThat(goal.status()).isEqualTo(GoalStatus.ACHIEVED);
    }

    @Test
    void closedGoalsAcceptNoFurtherChanges() {
        Goal goal = proposed(Party.CLIENT, null);
        var events = goal.discontinue(new Discontinuation(Discontinuation.Reason.NO_LONGER_RELEVANT, "Moved house",
                Party.CLIENT), NOW);
        assertThat(events).singleElement().isInstanceOfSatisfying(GoalDiscontinued.class,
                d -> assertThat(d.reason()).isEqualTo("NO_LONGER_RELEVANT"));
        assertThatThrownBy(() -> goal.agree(Party.THERAPIST, 1, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goal.recordCheckIn(null, 10, 5, null, NOW)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goal.proposeRevision(Party.CLIENT, content("x", null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> goal.discontinue(new Discontinuation(Discontinuation.Reason.OTHER, null, Party.CLIENT), NOW))
                .isInstanceOf(ConflictException.class);
    }

    static Goal proposed(Party by, AttainmentScale scale) {
        return Goal.propose("g-1", "t-1", "c-1", "th-1", content("Walk three times a week", scale), by, NOW);
    }

    static Goal agreed(AttainmentScale scale) {
        Goal goal = proposed(Party.CLIENT, scale);
        goal.agree(Party.THERAPIST, 1, NOW);
        return goal;
    }

    static GoalContent content(String title, AttainmentScale scale) {
        return new GoalContent(title, "I feel calmer when I move", "3 walks of 20 minutes",
                LocalDate.parse("2026-06-30"), 2, List.of(), List.of(), scale);
    }
}
