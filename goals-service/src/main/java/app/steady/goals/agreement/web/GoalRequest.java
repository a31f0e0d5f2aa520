package app.steady.goals.agreement.web;

import app.steady.goals.agreement.GoalContent;
import app.steady.goals.attainment.AttainmentScale;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** The content of a goal as proposed, edited or revised. {@code weight} defaults to 1. */
record GoalRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2000) String whyItMatters,
        @Size(max = 500) String measurableTarget,
        @FutureOrPresent LocalDate targetDate,
        @Min(1) @Max(10) Integer weight,
        @Size(max = 20) List<@NotNull @Pattern(regexp = Ids.PATTERN) String> strengthIds,
        @Size(max = 30) List<@NotNull @Valid StepRequest> steps,
        @Valid ScaleRequest attainmentScale) {

    GoalContent toContent() {
        return new GoalContent(title, whyItMatters, measurableTarget, targetDate, weight == null ? 1 : weight,
                strengthIds,
                steps == null ? List.of() : steps.stream().map(s -> new GoalContent.Step(s.title(), Boolean.TRUE.equals(s.done()))).toList(),
                attainmentScale == null ? null : attainmentScale.toScale());
    }

    /** A milestone; {@code done} defaults to false. */
    record StepRequest(@NotBlank @Size(max = 200) String title, Boolean done) {
    }

    /** All five levels are described, in the parties' own words. */
    record ScaleRequest(@NotBlank @Size(max = 300) String muchLess, @NotBlank @Size(max = 300) String less,
                        @NotBlank @Size(max = 300) String expected, @NotBlank @Size(max = 300) String more,
                        @NotBlank @Size(max = 300) String muchMore) {
        AttainmentScale toScale() {
            return new AttainmentScale(muchLess, less, expected, more, muchMore);
        }
    }
}
