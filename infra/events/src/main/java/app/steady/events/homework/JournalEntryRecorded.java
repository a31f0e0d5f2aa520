package app.steady.events.homework;

import app.steady.events.EventData;
import java.time.Instant;

/** A journal entry was written. Metadata only: the text stays encrypted in homework-service. */
public record JournalEntryRecorded(String entryId, String clientId, String occurrenceId,
                                   boolean sharedWithTherapist, int wordCount, Instant recordedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
