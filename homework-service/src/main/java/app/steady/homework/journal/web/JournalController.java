package app.steady.homework.journal.web;

import app.steady.homework.journal.Journal;
import app.steady.homework.journal.JournalEntry;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A client's journal. The therapist sees only entries the client chose to share. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/journal")
class JournalController {

    private final Journal journal;

    JournalController(Journal journal) {
        this.journal = journal;
    }

    @PostMapping
    ResponseEntity<EntryView> write(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                    @Valid @RequestBody WriteEntry request) {
        JournalEntry entry = journal.write(caller, clientId, request.text(),
                Boolean.TRUE.equals(request.sharedWithTherapist()), request.assignmentId(), request.occurrenceId());
        return ResponseEntity.created(URI.create("/clients/" + clientId + "/journal/" + entry.id()))
                .body(view(entry));
    }

    @GetMapping
    EntryPage list(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                   @RequestParam(defaultValue = "0") @Min(0) int page,
                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<JournalEntry> found = journal.entries(caller, clientId, PageRequest.of(page, size));
        return new EntryPage(found.getContent().stream().map(this::view).toList(), found.getNumber(),
                found.getTotalElements());
    }

    @GetMapping("/{entryId}")
    EntryView get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                  @PathVariable @Pattern(regexp = Ids.PATTERN) String entryId) {
        return view(journal.find(caller, clientId, entryId));
    }

    @PutMapping("/{entryId}/sharing")
    EntryView share(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                    @PathVariable @Pattern(regexp = Ids.PATTERN) String entryId,
                    @Valid @RequestBody Sharing request) {
        return view(journal.share(caller, clientId, entryId, request.sharedWithTherapist()));
    }

    private EntryView view(JournalEntry entry) {
        String text = journal.textOf(entry).orElse(null);
        return new EntryView(entry.id(), text, text == null, entry.sharedWithTherapist(), entry.wordCount(),
                entry.occurrenceId(), entry.recordedAt());
    }

    /** {@code assignmentId} and {@code occurrenceId}: the journaling occurrence this entry answers, if any. */
    record WriteEntry(@NotBlank @Size(max = 20_000) String text, Boolean sharedWithTherapist,
                      @Pattern(regexp = Ids.PATTERN) String assignmentId, @Pattern(regexp = Ids.PATTERN) String occurrenceId) {
    }

    record Sharing(@NotNull Boolean sharedWithTherapist) {
    }

    /** {@code unreadable} is true when the client's key has been destroyed (erasure): the text is gone for good. */
    record EntryView(String id, String text, boolean unreadable, boolean sharedWithTherapist, int wordCount,
                     String occurrenceId, Instant recordedAt) {
    }

    record EntryPage(List<EntryView> items, int page, long totalItems) {
    }
}
