package app.steady.homework.journal;

import app.steady.homework.encryption.TextCipher;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The client's journal in an export (decrypted: the export is for the client) and in an erasure. */
@Component
class JournalDataOwner implements ClientDataOwner {

    private final JournalEntryRepository entries;
    private final TextCipher cipher;

    JournalDataOwner(JournalEntryRepository entries, TextCipher cipher) {
        this.entries = entries;
        this.cipher = cipher;
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.documents("journal_entries", entries.deleteByTenantIdAndClientId(tenantId, clientId)));
    }

    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        List<ExportedEntry> exported = entries.findByTenantIdAndClientId(tenantId, clientId).stream()
                .map(entry -> new ExportedEntry(entry.id(), entry.recordedAt(), entry.occurrenceId(),
                        entry.sharedWithTherapist(), cipher.decrypt(tenantId, clientId, entry.id(), entry.encryptedText())
                                .orElse(null)))
                .toList();
        return Map.of("journal_entries", exported);
    }

    record ExportedEntry(String id, Instant recordedAt, String occurrenceId, boolean sharedWithTherapist, String text) {
    }
}
