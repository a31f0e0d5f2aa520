package app.steady.homework.security;

import app.steady.testing.IsolationMatrix;
import java.util.Map;

/** Who may call each endpoint of homework-service (a new endpoint fails this test until it is classified here). */
class HomeworkIsolationMatrixIT extends IsolationMatrix {

    @Override
    protected Map<String, Scope> classification() {
        return Map.ofEntries(
                Map.entry("DELETE /clients/{clientId}/assignments/{assignmentId}", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/agenda", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/assessments", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/assignments", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/assignments/{assignmentId}", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/assignments/{assignmentId}/occurrences", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/journal", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/journal/{entryId}", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/mood", Scope.CLIENT),
                Map.entry("GET /library", Scope.TENANT),
                Map.entry("GET /measures", Scope.TENANT),
                Map.entry("POST /clients/{clientId}/assessments", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/assignments", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/journal", Scope.CLIENT),
                Map.entry("POST /clients/{clientId}/mood", Scope.CLIENT),
                Map.entry("POST /library", Scope.THERAPIST),
                Map.entry("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/completion", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/quality", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/skip", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/assignments/{assignmentId}/schedule", Scope.CLIENT),
                Map.entry("PUT /clients/{clientId}/journal/{entryId}/sharing", Scope.CLIENT));
    }
}
