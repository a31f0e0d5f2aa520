package app.steady.platform.consuming;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;

/**
 * A document a consumer keeps current from events, with the {@link ConsumptionLedger} of what it has applied stored
 * inside it, so the effect and its record are one atomic write.
 */
public abstract class Projection {

    @Id
    private String id;
    @Version
    private Long version;
    private ConsumptionLedger ledger = new ConsumptionLedger();

    protected Projection() {
    }

    protected Projection(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public Long version() {
        return version;
    }

    ConsumptionLedger ledger() {
        return ledger;
    }
}
