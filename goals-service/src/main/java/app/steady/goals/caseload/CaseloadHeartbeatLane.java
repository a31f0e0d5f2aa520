package app.steady.goals.caseload;

import app.steady.platform.outbox.PublishesEvents;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** The last heartbeat sent on one lane of the caseload (its event waits in this document's outbox until relayed). */
@Document("caseload_heartbeats")
@PublishesEvents
class CaseloadHeartbeatLane {

    @Id
    private String lane;
    private Instant sentAt;
    @Version
    private Long version;

    protected CaseloadHeartbeatLane() {
    }

    CaseloadHeartbeatLane(String lane, Instant sentAt) {
        this.lane = lane;
        this.sentAt = sentAt;
    }

    void sentAt(Instant now) {
        this.sentAt = now;
    }
}
