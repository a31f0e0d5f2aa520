package app.steady.reminders.boundaries.web;

import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import app.steady.platform.web.Ids;
import app.steady.platform.web.TimeZones;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.boundaries.ReminderSettings;
import app.steady.reminders.planning.PausedPeriod;
import app.steady.reminders.planning.QuietHours;
import app.steady.reminders.planning.ReminderKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's reminder boundaries: time zone, quiet hours, daily maximum, paused periods, opt-outs. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/reminder-settings")
class ReminderSettingsController {

    private final ClientBoundaries boundaries;

    ReminderSettingsController(ClientBoundaries boundaries) {
        this.boundaries = boundaries;
    }

    @GetMapping
    ResponseEntity<ReminderSettings> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        ReminderSettings settings = boundaries.read(caller, clientId)
                .orElseThrow(() -> new NotFoundException("Reminder settings of " + clientId));
        return ResponseEntity.ok().eTag(ETags.of(settings.revision())).body(settings);
    }

    @PutMapping
    ResponseEntity<ReminderSettings> set(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                         @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @Valid @RequestBody SettingsRequest request) {
        ReminderSettings saved = boundaries.set(caller, clientId, ETags.revisionOf(ifMatch), request.toSettings());
        return ResponseEntity.ok().eTag(ETags.of(saved.revision())).body(saved);
    }

    record SettingsRequest(@NotBlank @Size(max = 64) String timeZone,
                           @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String quietStart,
                           @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]") String quietEnd,
                           @Min(1) @Max(50) Integer maxPerDay,
                           @Size(max = 20) List<@NotNull @Valid Pause> pausedPeriods,
                           @Size(max = 20) List<ReminderKind> optedOut) {

        ReminderSettings toSettings() {
            TimeZones.requireValid("timeZone", timeZone);
            if ((quietStart == null) != (quietEnd == null)) {
                throw new InvalidRequestException(quietStart == null ? "quietStart" : "quietEnd",
                        "quiet hours need both a start and an end");
            }
            if (quietStart != null && quietStart.equals(quietEnd)) {
                throw new InvalidRequestException("quietEnd", "must differ from quietStart");
            }
            List<PausedPeriod> pauses;
            try {
                pauses = pausedPeriods == null ? List.of()
                        : pausedPeriods.stream().map(p -> new PausedPeriod(p.from(), p.to())).toList();
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("pausedPeriods", "each needs from and to, with to not before from");
            }
            if (quietStart != null) {
                new QuietHours(LocalTime.parse(quietStart), LocalTime.parse(quietEnd));
            }
            List<ReminderKind> kinds = optedOut == null ? List.of() : optedOut;
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i) == null || !kinds.get(i).isForClient()) {
                    // Notifications to clinicians are their clinicians' safety net, not the client's reminders.
                    throw new InvalidRequestException("optedOut[" + i + "]",
                            "only reminders to the client can be opted out of, not notifications to their clinicians");
                }
            }
            return new ReminderSettings(null, null, null, timeZone, quietStart, quietEnd,
                    maxPerDay == null ? 6 : maxPerDay, pauses, Set.copyOf(kinds), null);
        }
    }

    record Pause(@NotNull LocalDate from, @NotNull LocalDate to) {
    }
}
