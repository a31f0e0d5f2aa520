package app.steady.homework.journal;

import app.steady.events.EventData;
import app.steady.events.homework.JournalEntryRecorded;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One journal entry. {@code encryptedText} is AES-GCM under the client's key; the plain text is never stored. */
@Document("journal_entries")
@CompoundIndex(name = "client_entries", def = "{'tenantId': 1, 'clientId': 1, 'recordedAt': -1}")
@PublishesEvents
public class JournalEntry {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String encryptedText;
    private boolean sharedWithTherapist;
    private int wordCount;
    private String occurrenceId;
    private Instant recordedAt;
    @Version
    private Long revision;

    protected JournalEntry() {
    }

    JournalEntry(String id, String tenantId, String clientId, String encryptedText, boolean sharedWithTherapist,
                 int wordCount, String occurrenceId, Instant recordedAt) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.encryptedText = encryptedText;
        this.sharedWithTherapist = sharedWithTherapist;
        this.wordCount = wordCount;
        this.occurrenceId = occurrenceId;
        this.recordedAt = recordedAt;
    }

    List<EventData> recorded() {
        return List.of(new JournalEntryRecorded(id, clientId, occurrenceId, sharedWithTherapist, wordCount, recordedAt));
    }

    void share(boolean shared) {
        this.sharedWithTherapist = shared;
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public String encryptedText() { return encryptedText; }
    public boolean sharedWithTherapist() { return sharedWithTherapist; }
    public int wordCount() { return wordCount; }
    public String occurrenceId() { return occurrenceId; }
    public Instant recordedAt() { return recordedAt; }
    public Long revision() { return revision; }
}
