package app.steady.goals.security;

import app.steady.testing.IsolationMatrix;
import java.util.Map;

/** Who may call each endpoint of goals-service (a new endpoint fails this test until it is classified here). */
class GoalsIsolationMatrixIT extends IsolationMatrix {

    @Override
    protected Map<String, Scope> classification() {
        return Map.ofEntries(
                Map.entry("DELETE /caseload/clients/{clientId}", Scope.ADMIN),
                Map.entry("DELETE /clients/{clientId}/strengths/{strengthId}", Scope.CLIENT),
                Map.entry("GET /caseload/clients/{clientId}", Scope.ADMIN),
                Map.entry("GET /caseload/therapists/{therapistId}/clients", Scope.THERAPIST),
                Map.entry("GET /clients/{clientId}/goals", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/goals/{goalId}", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/progress", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/strengths", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/wellness-plan", Scope.CLIENT),
                Map.entry("GET /therapists/me/goals", Scope.THERAPIST),
                Map.entry("GET /tenant/safety-settings", Scope.ADMIN),
                Map.entry("PUT /tenant/safety-settings", Scope.ADMIN),
                Map.entry("GET /erasures/{erasureId}", Scope.REQUESTER),
                Map.entry("POST /clients/{clientId}/erasure", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/exports", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/exports/{exportId}", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/achievement", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/activation", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/agreement", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/check-ins", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/discontinuation", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/goals/{goalId}/revision", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/strengths", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/wellness-plan/agreement", Scope.CLIENT),
                Map.entry("PUT /caseload/clients/{clientId}", Scope.ADMIN),
                Map.entry("PUT /clients/{clientId}/goals/{goalId}", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/goals/{goalId}/check-ins/{checkInId}/comment", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/wellness-plan/draft", Scope.CLIENT));
    }
}
