package app.steady.events.homework;

import app.steady.events.EventData;
import app.steady.events.HealthData;
import java.time.Instant;

/** A journal entry was written. Metadata only: the text stays encrypted in homework-service. */
public record JournalEntryRecorded(String entryId, String clientId, String occurrenceId,
                                   boolean sharedWithTherapist, @HealthData int wordCount, Instant recordedAt)
        implements EventData {
    public String subjectId() { return clientId; }
}
