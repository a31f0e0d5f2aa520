package app.steady.homework.journal;

import app.steady.homework.assignment.Assignments;
import app.steady.homework.encryption.TextCipher;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;

/** Writing and reading journal entries: the client writes; the therapist reads only what the client shared. */
@Service
public class Journal {

    private final JournalEntryRepository entries;
    private final AggregateStore store;
    private final TextCipher cipher;
    private final ClientAccess access;
    private final Assignments assignments;
    private final Clock clock;

    Journal(JournalEntryRepository entries, AggregateStore store, TextCipher cipher, ClientAccess access,
            Assignments assignments, Clock clock) {
        this.entries = entries;
        this.store = store;
        this.cipher = cipher;
        this.access = access;
        this.assignments = assignments;
        this.clock = clock;
    }

    /** Writes an entry; given the journaling occurrence it answers, that occurrence is completed first (idempotently). */
    public JournalEntry write(Caller caller, String clientId, String text, boolean shared, String assignmentId,
                              String occurrenceId) {
        access.requireClientThemselves(caller, clientId, "Only the client writes and shares their journal");
        assignments.completeAnsweredOccurrence(caller, clientId, assignmentId, occurrenceId);
        String id = UUID.randomUUID().toString();
        JournalEntry entry = new JournalEntry(id, caller.tenantId(), clientId,
                cipher.encrypt(caller.tenantId(), clientId, id, text), shared, wordsIn(text), occurrenceId,
                clock.instant());
        return store.insert(entry, caller.tenantId(), entry.recorded());
    }

    public JournalEntry share(Caller caller, String clientId, String entryId, boolean shared) {
        access.requireClientThemselves(caller, clientId, "Only the client writes and shares their journal");
        JournalEntry entry = find(caller, clientId, entryId);
        entry.share(shared);
        return store.update(entry, caller.tenantId(), java.util.List.of());
    }

    public Page<JournalEntry> entries(Caller caller, String clientId, Pageable page) {
        access.requireAccess(caller, clientId);
        return caller.isClient(clientId)
                ? entries.findByTenantIdAndClientIdOrderByRecordedAtDesc(caller.tenantId(), clientId, page)
                : entries.findByTenantIdAndClientIdAndSharedWithTherapistTrueOrderByRecordedAtDesc(caller.tenantId(),
                clientId, page);
    }

    public JournalEntry find(Caller caller, String clientId, String entryId) {
        access.requireAccess(caller, clientId);
        JournalEntry entry = entries.findByIdAndTenantIdAndClientId(entryId, caller.tenantId(), clientId)
                .orElseThrow(() -> new NotFoundException("Journal entry " + entryId));
        if (!caller.isClient(clientId) && !entry.sharedWithTherapist()) {
            throw new NotFoundException("Journal entry " + entryId);
        }
        return entry;
    }

    /** The entry's text, or empty when it can no longer be decrypted (the client's key was destroyed). */
    public Optional<String> textOf(JournalEntry entry) {
        return cipher.decrypt(entry.tenantId(), entry.clientId(), entry.id(), entry.encryptedText());
    }

    static int wordsIn(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }
}
