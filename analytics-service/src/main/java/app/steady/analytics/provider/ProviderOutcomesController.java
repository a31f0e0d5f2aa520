package app.steady.analytics.provider;

import app.steady.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The provider's aggregate outcomes, for the tenant's admins; cells under 10 clients are suppressed. */
@RestController
class ProviderOutcomesController {

    private final ProviderOutcomes outcomes;

    ProviderOutcomesController(ProviderOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/tenant/outcomes")
    @PreAuthorize("hasRole('ADMIN')")
    ProviderOutcomes.Report report(Caller admin) {
        return outcomes.of(admin);
    }
}
