package app.steady.goals.agreement.web;

import app.steady.goals.agreement.Discontinuation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the goal lifecycle operations. */
final class LifecycleRequests {

    private LifecycleRequests() {
    }

    /** Agreement to one content version: agreeing to what you read, not to whatever it has become. */
    record Agree(@NotNull @Min(1) Integer version) {
    }

    record Discontinue(@NotNull Discontinuation.Reason reason, @Size(max = 1000) String note) {
    }

    /** A GAS score (-2..+2) for a goal with a scale, otherwise a percentage; confidence is self-efficacy, 0-10. */
    record RecordCheckIn(@Min(-2) @Max(2) Integer attainmentScore, @Min(0) @Max(100) Integer percentComplete,
                         @NotNull @Min(0) @Max(10) Integer confidence, @Size(max = 2000) String note) {
    }

    record Comment(@NotBlank @Size(max = 2000) String comment) {
    }
}
