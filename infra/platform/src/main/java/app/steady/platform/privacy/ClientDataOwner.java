package app.steady.platform.privacy;

import java.util.List;
import java.util.Map;

/**
 * A part of a service that holds a client's information. Erasure and export ask every owner; a collection not
 * covered by an owner would survive an erasure, so each service lists its client collections
 * ({@code steady.privacy.client-collections}) or provides an owner for them.
 */
public interface ClientDataOwner {

    /**
     * Deletes everything this owner holds on the client and says what went, per collection, as the store reported it
     * (the erasure proof lists exactly this: never an inference). Idempotent: a second call reports zeros.
     */
    List<ErasedPart> erase(String tenantId, String clientId);

    /** What this owner holds on the client, section name to content (JSON-serialisable); empty if nothing. */
    Map<String, Object> export(String tenantId, String clientId);
}
