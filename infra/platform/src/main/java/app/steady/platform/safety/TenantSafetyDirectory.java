package app.steady.platform.safety;

import java.util.Optional;

/** Answers what a tenant's safety settings are (empty until its admin set them). */
public interface TenantSafetyDirectory {

    Optional<TenantSafetySettings> of(String tenantId);
}
