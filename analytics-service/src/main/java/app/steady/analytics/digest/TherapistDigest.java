package app.steady.analytics.digest;

import app.steady.events.EventData;
import app.steady.events.analytics.TherapistDigestReady;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** One therapist's digest of one week; its id (tenant, therapist, week) makes it once per week on any number of instances. */
@Document("therapist_digests")
@PublishesEvents
public record TherapistDigest(@Id String id, String tenantId, String therapistId, LocalDate weekStarting, int clients,
                              int improving, int needingAttention, int openFlags, Double caseloadAdherence,
                              List<String> needingAttentionClients, Instant readyAt, @Version Long revision) {

    static String idOf(String tenantId, String therapistId, LocalDate weekStarting) {
        return String.join(":", tenantId, therapistId, weekStarting.toString());
    }

    /** The same digest, naming these of its clients needing attention. */
    TherapistDigest naming(List<String> clientsNeedingAttention) {
        return new TherapistDigest(id, tenantId, therapistId, weekStarting, clients, improving, needingAttention,
                openFlags, caseloadAdherence, clientsNeedingAttention, readyAt, revision);
    }

    List<EventData> ready() {
        return List.of(new TherapistDigestReady(java.util.UUID.nameUUIDFromBytes(id.getBytes()).toString(), therapistId,
                weekStarting, clients, improving, needingAttention, openFlags, caseloadAdherence, "/dashboard", readyAt));
    }
}
