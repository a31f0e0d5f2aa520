package app.steady.homework.mood;

import app.steady.homework.assignment.Assignments;
import app.steady.homework.encryption.TextCipher;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.InvalidRequestException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Logging and reading mood check-ins: the client logs; the client and their therapist read. */
@Service
public class MoodLog {

    private final MoodEntryRepository entries;
    private final AggregateStore store;
    private final TextCipher cipher;
    private final ClientAccess access;
    private final Assignments assignments;
    private final Clock clock;

    MoodLog(MoodEntryRepository entries, AggregateStore store, TextCipher cipher, ClientAccess access,
            Assignments assignments, Clock clock) {
        this.entries = entries;
        this.store = store;
        this.cipher = cipher;
        this.access = access;
        this.assignments = assignments;
        this.clock = clock;
    }

    /**
     * Logs a mood check-in; given the mood check-in occurrence it answers ({@code assignmentId} and
     * {@code occurrenceId}), that occurrence is completed first (idempotently), so it is never counted as missed.
     */
    public MoodEntry log(Caller caller, String clientId, MoodReading reading, String note, String timeZone,
                         String assignmentId, String occurrenceId) {
        access.requireClientThemselves(caller, clientId, "Mood is logged by the client");
        assignments.completeAnsweredOccurrence(caller, clientId, assignmentId, occurrenceId);
        List<String> unknown = reading.emotions().stream().filter(e -> !Emotions.VOCABULARY.contains(e)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("emotions", "not in the vocabulary " + Emotions.VOCABULARY + ": " + unknown);
        }
        String id = UUID.randomUUID().toString();
        String encryptedNote = note == null || note.isBlank() ? null : cipher.encrypt(caller.tenantId(), clientId, id, note);
        MoodEntry entry = new MoodEntry(id, caller.tenantId(), clientId, reading, encryptedNote, occurrenceId,
                clock.instant(), timeZone);
        return store.insert(entry, caller.tenantId(), entry.logged());
    }

    public Page<MoodEntry> history(Caller caller, String clientId, Pageable page) {
        access.requireAccess(caller, clientId);
        return entries.findByTenantIdAndClientIdOrderByLoggedAtDesc(caller.tenantId(), clientId, page);
    }

    public Optional<String> noteOf(MoodEntry entry) {
        return entry.encryptedNote() == null ? Optional.empty()
                : cipher.decrypt(entry.tenantId(), entry.clientId(), entry.id(), entry.encryptedNote());
    }
}
