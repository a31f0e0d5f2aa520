package app.steady.homework.assessment;

import app.steady.events.EventData;
import app.steady.events.homework.AssessmentCompleted;
import app.steady.homework.questionnaires.AssessmentScore;
import app.steady.homework.support.SupportOffer;
import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One completed questionnaire with its score and, after a safety answer, the support the client was offered at once
 * (kept as shown, so the client's answer, their app's event and this record say the same).
 */
@Document("assessments")
@CompoundIndex(name = "client_assessments", def = "{'tenantId': 1, 'clientId': 1, 'completedAt': -1}")
@PublishesEvents
public class Assessment {

    @Id
    private String id;
    private String tenantId;
    private String clientId;
    private String occurrenceId;
    private AssessmentScore score;
    private Instant completedAt;
    private SupportOffer support;
    @Version
    private Long revision;

    protected Assessment() {
    }

    Assessment(String id, String tenantId, String clientId, String occurrenceId, AssessmentScore score,
               Instant completedAt, SupportOffer support) {
        this.id = id;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.occurrenceId = occurrenceId;
        this.score = score;
        this.completedAt = completedAt;
        this.support = support;
    }

    /** For analytics (score, band, safety signal) and, after a safety answer, for the client's app (the support). */
    List<EventData> completed() {
        List<EventData> events = new ArrayList<>(List.of(new AssessmentCompleted(id, clientId, occurrenceId,
                score.measure(), score.items(), score.total(), score.band(), score.safetySignal(), completedAt)));
        if (support != null) {
            events.add(support.toEvent(clientId, id, completedAt));
        }
        return events;
    }

    public String id() { return id; }
    public String clientId() { return clientId; }
    public String occurrenceId() { return occurrenceId; }
    public AssessmentScore score() { return score; }
    public Instant completedAt() { return completedAt; }
    public Optional<SupportOffer> support() { return Optional.ofNullable(support); }
}
