package app.steady.goals.agreement.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Agreement to one content version of a goal: agreeing to what you read, not to whatever it has become. */
record AgreeRequest(@NotNull @Min(1) Integer version) {
}
