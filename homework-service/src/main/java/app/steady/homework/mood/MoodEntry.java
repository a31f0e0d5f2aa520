package app.steady.homework.mood;

import app.steady.events.EventData;
import app.steady.events.homework.MoodLogged;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One mood check-in. The note, if any, is encrypted under the client's key. */
@Document("mood_entries")
@CompoundIndex(name = "client_moods", def = "{'tenantId': 1, 'clientId': 1, 'loggedAt': -1}")
@PublishesEvents
public class MoodEntry {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private int mood;
    private Integer anxiety;
    private Integer energy;
    private Double sleepHours;
    private List<String> emotions;
    private String encryptedNote;
    private String occurrenceId;
    private Instant loggedAt;
    private LocalDateTime loggedLocal;
    private String timeZone;
    @Version
    private Long revision;

    protected MoodEntry() {
    }

    MoodEntry(String id, String tenantId, String clientId, MoodReading reading, String encryptedNote,
              String occurrenceId, Instant loggedAt, String timeZone) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.mood = reading.mood();
        this.anxiety = reading.anxiety();
        this.energy = reading.energy();
        this.sleepHours = reading.sleepHours();
        this.emotions = reading.emotions();
        this.encryptedNote = encryptedNote;
        this.occurrenceId = occurrenceId;
        this.loggedAt = loggedAt;
        this.timeZone = timeZone;
        this.loggedLocal = LocalDateTime.ofInstant(loggedAt, java.time.ZoneId.of(timeZone));
    }

    List<EventData> logged() {
        return List.of(new MoodLogged(id, clientId, mood, anxiety, energy, sleepHours, emotions, occurrenceId,
                loggedAt, loggedLocal, timeZone));
    }

    public String id() { return id; }
    public String tenantId() { return tenantId; }
    public String clientId() { return clientId; }
    public MoodReading reading() { return new MoodReading(mood, anxiety, energy, sleepHours, emotions); }
    public String encryptedNote() { return encryptedNote; }
    public String occurrenceId() { return occurrenceId; }
    public Instant loggedAt() { return loggedAt; }
    public LocalDateTime loggedLocal() { return loggedLocal; }
    public String timeZone() { return timeZone; }
}
