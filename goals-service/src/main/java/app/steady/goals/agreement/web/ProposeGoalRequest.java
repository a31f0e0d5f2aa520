package app.steady.goals.agreement.web;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** A proposed goal. {@code weight} defaults to 1. */
record ProposeGoalRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String whyItMatters,
        @Size(max = 500) String measurableTarget,
        @FutureOrPresent LocalDate targetDate,
        @Min(1) @Max(10) Integer weight) {
}
