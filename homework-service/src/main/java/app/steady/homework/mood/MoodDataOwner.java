package app.steady.homework.mood;

import app.steady.homework.encryption.TextCipher;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The client's mood log in an export (notes decrypted) and in an erasure. */
@Component
class MoodDataOwner implements ClientDataOwner {

    private final MoodEntryRepository entries;
    private final TextCipher cipher;

    MoodDataOwner(MoodEntryRepository entries, TextCipher cipher) {
        this.entries = entries;
        this.cipher = cipher;
    }

    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        return List.of(ErasedPart.documents("mood_entries", entries.deleteByTenantIdAndClientId(tenantId, clientId)));
    }

    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        List<ExportedMood> exported = entries.findByTenantIdAndClientId(tenantId, clientId).stream()
                .map(entry -> new ExportedMood(entry.id(), entry.loggedAt(), entry.loggedLocal(), entry.reading(),
                        entry.encryptedNote() == null ? null
                                : cipher.decrypt(tenantId, clientId, entry.id(), entry.encryptedNote()).orElse(null)))
                .toList();
        return Map.of("mood_entries", exported);
    }

    record ExportedMood(String id, Instant loggedAt, LocalDateTime loggedLocal, MoodReading reading, String note) {
    }
}
