package app.steady.platform.caseload;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Answers who a client's treating therapist is, within a tenant. */
public interface CaseloadDirectory {

    Optional<String> therapistOf(String tenantId, String clientId);

    /** The tenants each of these clients is known under (client ids are unique across tenants, so one at most). */
    Map<String, Set<String>> tenantsOf(Collection<String> clientIds);
}
