package app.steady.analytics.client.web;

import app.steady.analytics.client.ClientAnalytics;
import app.steady.analytics.client.ClientInsights;
import app.steady.analytics.client.ClientProgress;
import app.steady.platform.security.Caller;
import app.steady.platform.web.Ids;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class ClientAnalyticsController {

    private final ClientAnalytics analytics;

    ClientAnalyticsController(ClientAnalytics analytics) {
        this.analytics = analytics;
    }

    /** The therapist's summary of a client: adherence, mood, outcome measures, status and why. */
    @GetMapping("/clients/{clientId}/summary")
    ClientInsights.Summary summary(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return analytics.summary(caller, clientId);
    }

    /** The calling therapist's caseload, sorted by attention needed. */
    @GetMapping("/therapists/me/caseload")
    @PreAuthorize("hasRole('THERAPIST')")
    List<ClientInsights.Summary> caseload(Caller caller) {
        return analytics.caseload(caller);
    }

    /** The client's own progress in plain words (also readable by their therapist). */
    @GetMapping("/clients/{clientId}/progress")
    ClientProgress progress(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return analytics.progress(caller, clientId);
    }
}
