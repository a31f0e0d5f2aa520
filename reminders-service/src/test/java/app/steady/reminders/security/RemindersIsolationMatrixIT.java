package app.steady.reminders.security;

import app.steady.testing.IsolationMatrix;
import java.util.Map;

/** Who may call each endpoint of reminders-service (a new endpoint fails this test until it is classified here). */
class RemindersIsolationMatrixIT extends IsolationMatrix {

    @Override
    protected Map<String, Scope> classification() {
        return Map.ofEntries(
                // The treating therapist only: the client gets 403 (clinicians' notifications are not theirs to read).
                Map.entry("GET /clients/{clientId}/clinical-notifications", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/reminder-settings", Scope.CLIENT),
                Map.entry("GET /clients/{clientId}/reminders", Scope.CLIENT),
                Map.entry("GET /therapists/{therapistId}/contact", Scope.THERAPIST),
                Map.entry("PUT /clients/{clientId}/reminder-settings", Scope.CLIENT),
                Map.entry("PUT /therapists/{therapistId}/contact", Scope.THERAPIST));
    }
}
