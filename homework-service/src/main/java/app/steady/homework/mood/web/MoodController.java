package app.steady.homework.mood.web;

import app.steady.homework.mood.MoodEntry;
import app.steady.homework.mood.MoodLog;
import app.steady.homework.mood.MoodReading;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import app.steady.platform.web.TimeZones;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/clients/{clientId}/mood")
class MoodController {

    private final MoodLog moodLog;

    MoodController(MoodLog moodLog) {
        this.moodLog = moodLog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    MoodView log(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                 @Valid @RequestBody LogMood request) {
        TimeZones.requireValid("timeZone", request.timeZone());
        MoodEntry entry = moodLog.log(caller, clientId, new MoodReading(request.mood(), request.anxiety(),
                        request.energy(), request.sleepHours(), request.emotions()), request.note(), request.timeZone(),
                request.assignmentId(), request.occurrenceId());
        return view(entry);
    }

    @GetMapping
    MoodPage history(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                     @RequestParam(defaultValue = "0") @Min(0) int page,
                     @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        Page<MoodEntry> found = moodLog.history(caller, clientId, PageRequest.of(page, size));
        return new MoodPage(found.getContent().stream().map(this::view).toList(), found.getNumber(), found.getTotalElements());
    }

    private MoodView view(MoodEntry entry) {
        MoodReading reading = entry.reading();
        return new MoodView(entry.id(), reading.mood(), reading.anxiety(), reading.energy(), reading.sleepHours(),
                reading.emotions(), moodLog.noteOf(entry).orElse(null), entry.occurrenceId(), entry.loggedAt(),
                entry.loggedLocal(), entry.timeZone());
    }

    record LogMood(@NotNull @Min(0) @Max(10) Integer mood, @Min(0) @Max(10) Integer anxiety,
                   @Min(0) @Max(10) Integer energy, @DecimalMin("0") @DecimalMax("24") Double sleepHours,
                   @Size(max = 10) List<@NotBlank @Pattern(regexp = "[a-z_]{1,30}") String> emotions,
                   @Size(max = 500) String note, @NotBlank @Size(max = 64) String timeZone,
                   @Pattern(regexp = Ids.PATTERN) String assignmentId, @Pattern(regexp = Ids.PATTERN) String occurrenceId) {
    }

    record MoodView(String id, int mood, Integer anxiety, Integer energy, Double sleepHours, List<String> emotions,
                    String note, String occurrenceId, Instant loggedAt, LocalDateTime loggedLocal, String timeZone) {
    }

    record MoodPage(List<MoodView> items, int page, long totalItems) {
    }
}
