package app.steady.platform.caseload;

import java.util.Optional;

/** Answers who a client's treating therapist is, within a tenant. */
public interface CaseloadDirectory {

    Optional<String> therapistOf(String tenantId, String clientId);
}
