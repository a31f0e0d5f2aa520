package app.steady.analytics.security;

import app.steady.testing.IsolationMatrix;
import java.util.Map;

/** Who may call each endpoint of analytics-service (a new endpoint fails this test until it is classified here). */
class AnalyticsIsolationMatrixIT extends IsolationMatrix {

    @Override
    protected Map<String, Scope> classification() {
        return Map.ofEntries(
                Map.entry("GET /clients/{clientId}/flags", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/goals/summary", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/progress", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/summary", Scope.CLIENT),
                Map.entry("GET /tenant/outcomes", Scope.ADMIN),
                Map.entry("GET /therapists/me/caseload", Scope.THERAPIST),
                Map.entry("GET /therapists/me/digest", Scope.THERAPIST),
                Map.entry("POST /clients/{clientId}/episodes", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/flags/{flagId}/acknowledgement", Scope.CLIENT));
    }
}
