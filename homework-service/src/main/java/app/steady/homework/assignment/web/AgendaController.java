package app.steady.homework.assignment.web;

import app.steady.homework.assignment.Assignment;
import app.steady.homework.assignment.Assignments;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The client's agenda: today's and upcoming occurrences of all active homework, with their state, in local time. */
@RestController
@Validated
class AgendaController {

    private final Assignments assignments;
    private final Clock clock;

    AgendaController(Assignments assignments, Clock clock) {
        this.assignments = assignments;
        this.clock = clock;
    }

    @GetMapping("/clients/{clientId}/agenda")
    List<OccurrenceView> agenda(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                @RequestParam(defaultValue = "7") @Min(1) @Max(31) int days) {
        Instant now = clock.instant();
        List<OccurrenceView> agenda = new ArrayList<>();
        for (Assignment assignment : assignments.activeOfClient(caller, clientId)) {
            Instant startOfToday = now.atZone(assignment.currentSchedule().timeZone()).toLocalDate()
                    .atStartOfDay(assignment.currentSchedule().timeZone()).toInstant();
            agenda.addAll(OccurrenceView.of(assignment,
                    assignment.occurrencesBetween(startOfToday, now.plus(Duration.ofDays(days))), now));
        }
        agenda.sort(Comparator.comparing(OccurrenceView::dueAt));
        return agenda;
    }
}
