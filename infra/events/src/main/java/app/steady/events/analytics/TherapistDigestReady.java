package app.steady.events.analytics;

import app.steady.events.EventData;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A therapist's weekly caseload digest. Its subject and key is the therapist, not a client; it carries
 * counts and a dashboard path, never client names.
 */
public record TherapistDigestReady(String digestId, String therapistId, LocalDate weekStarting, int clients,
                                   int improving, int needingAttention, int openFlags,
                                   Double caseloadAdherence, String dashboardPath, Instant readyAt)
        implements EventData {
    public String subjectId() { return therapistId; }
}
