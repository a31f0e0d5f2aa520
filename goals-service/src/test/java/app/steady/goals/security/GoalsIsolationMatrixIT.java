package app.steady.goals.security;

import app.steady.testing.IsolationMatrix;
import app.steady.testing.MatrixTenant;
import app.steady.testing.Party;
import app.steady.testing.Probe;
import app.steady.testing.TestTokens;
import app.steady.testing.Victim;
import java.util.List;
import java.util.UUID;

/** Who may call each endpoint of goals-service (a new endpoint fails this test until it has a probe here). */
class GoalsIsolationMatrixIT extends IsolationMatrix {

    static final String GOAL = """
            {"title":"{goalTitle}","whyItMatters":"I feel calmer when I move","weight":1}""";
    static final String PLAN = """
            {"warningSigns":["Sleeping past noon"],"copingStrategies":["{copingStrategy}"],"restorativeActivities":["Swimming"],
             "contacts":[{"name":"Sam","relationship":"sister","phone":"+44 7700 900123"}]}""";
    static final String SAFETY_SETTINGS = """
            {"onCallContacts":[{"name":"{onCallName}","email":"oncall@provider.example"}],
             "crisisResources":[{"name":"Samaritans","phone":"116 123","url":"https://www.samaritans.org","locale":"en-GB"}]}""";

    @Override
    protected List<Probe> probes() {
        return List.of(
                Probe.of("GET /caseload/clients/{clientId}", Scope.ADMIN).shows("therapistId"),
                // Assigning the client to the therapist they have: valid, and it leaves the caseload as it is.
                Probe.of("PUT /caseload/clients/{clientId}", Scope.ADMIN).body("{\"therapistId\":\"{therapistId}\"}"),
                Probe.of("DELETE /caseload/clients/{clientId}", Scope.ADMIN).with("clientId", this::clientOnCaseload),
                Probe.of("GET /caseload/therapists/{therapistId}/clients", Scope.THERAPIST).also(Party.ADMIN)
                        .ownView(Party.OTHER_TENANT_ADMIN).shows("clientId"),
                Probe.of("GET /therapists/me/goals", Scope.THERAPIST).shows("goalTitle"),
                Probe.of("GET /tenant/safety-settings", Scope.ADMIN).shows("onCallName"),
                Probe.of("PUT /tenant/safety-settings", Scope.ADMIN).body(SAFETY_SETTINGS),
                Probe.of("GET /clients/{clientId}/goals", Scope.CLIENT).shows("goalTitle"),
                Probe.of("GET /clients/{clientId}/goals/{goalId}", Scope.CLIENT).shows("goalTitle", "checkInNote"),
                Probe.of("GET /clients/{clientId}/goal-progress", Scope.CLIENT).shows("goalTitle"),
                Probe.of("GET /clients/{clientId}/progress", Scope.CLIENT).shows("goalTitle"),   // deprecated
                Probe.of("GET /clients/{clientId}/strengths", Scope.CLIENT).shows("strength"),
                Probe.of("GET /clients/{clientId}/wellness-plan", Scope.CLIENT).shows("copingStrategy"),
                Probe.of("POST /clients/{clientId}/goals", Scope.CLIENT).body(GOAL),
                // Each lifecycle step on a goal of its own, in the state the step starts from.
                Probe.of("PUT /clients/{clientId}/goals/{goalId}", Scope.CLIENT).with("goalId", this::proposedGoal).body(GOAL),
                Probe.of("POST /clients/{clientId}/goals/{goalId}/agreement", Scope.CLIENT).with("goalId", this::proposedGoal)
                        .body("{\"version\":1}"),
                Probe.of("POST /clients/{clientId}/goals/{goalId}/activation", Scope.CLIENT).with("goalId", this::agreedGoal),
                Probe.of("POST /clients/{clientId}/goals/{goalId}/revision", Scope.CLIENT).with("goalId", this::agreedGoal)
                        .body(GOAL),
                Probe.of("POST /clients/{clientId}/goals/{goalId}/achievement", Scope.CLIENT).with("goalId", this::activeGoal),
                Probe.of("POST /clients/{clientId}/goals/{goalId}/discontinuation", Scope.CLIENT).with("goalId", this::proposedGoal)
                        .body("{\"reason\":\"CIRCUMSTANCES_CHANGED\",\"note\":\"New job\"}"),
                // Progress is recorded by the client; the therapist comments on it.
                Probe.of("POST /clients/{clientId}/goals/{goalId}/check-ins", Scope.CLIENT).only(Party.CLIENT)
                        .body("{\"percentComplete\":60,\"confidence\":7}"),
                Probe.of("PUT /clients/{clientId}/goals/{goalId}/check-ins/{checkInId}/comment", Scope.CLIENT)
                        .only(Party.THERAPIST).body("{\"comment\":\"Well done\"}"),
                Probe.of("POST /clients/{clientId}/strengths", Scope.CLIENT).body("{\"kind\":\"SUPPORT\",\"description\":\"{strength}\"}"),
                Probe.of("DELETE /clients/{clientId}/strengths/{strengthId}", Scope.CLIENT).with("strengthId", this::strength),
                Probe.of("PUT /clients/{clientId}/wellness-plan/draft", Scope.CLIENT).body(PLAN),
                Probe.of("POST /clients/{clientId}/wellness-plan/agreement", Scope.CLIENT).with("planVersion", this::draftVersion)
                        .body("{\"version\":{planVersion}}"),
                Probe.of("POST /clients/{clientId}/exports", Scope.CLIENT).only(Party.CLIENT),
                Probe.of("GET /clients/{clientId}/exports/{exportId}", Scope.CLIENT).only(Party.CLIENT),
                // Erasure, by the client or the tenant's admin, of a client of its own (it cannot be undone).
                Probe.of("POST /clients/{clientId}/erasure", Scope.REQUESTER).with("clientId", this::clientOnCaseload),
                Probe.of("GET /erasures/{erasureId}", Scope.REQUESTER)
                        .with("clientId", victim -> victim.once("erasedClientId", () -> clientOnCaseload(victim)))
                        .with("erasureId", victim -> victim.once("erasureId", () -> erasureBy(victim, victim.get("erasedClientId")))));
    }

    /** Clients are assigned only in a tenant with a reachable on-call contact. */
    @Override
    protected void prepare(MatrixTenant tenant) throws Exception {
        call(tenant.adminToken(), "PUT", "/tenant/safety-settings", SAFETY_SETTINGS.replace("{onCallName}", onCallName(tenant)));
    }

    /** goals-service keeps the caseload: its admins assign clients through its API. */
    @Override
    protected void assign(MatrixTenant tenant, String client, String therapist) throws Exception {
        call(tenant.adminToken(), "PUT", "/caseload/clients/" + client, "{\"therapistId\":\"" + therapist + "\"}");
    }

    @Override
    protected void seed(Victim victim) throws Exception {
        victim.put("onCallName", onCallName(victim.tenant()));
        victim.text("goalTitle", "Walk most mornings");
        String goal = victim.put("goalId", agreedGoal(victim));
        victim.put("checkInId", callFor("$.latestCheckIn.id", victim.clientToken(), "POST", goalPath(victim, goal) + "/check-ins",
                "{\"percentComplete\":50,\"confidence\":6,\"note\":\"%s\"}".formatted(victim.text("checkInNote", "Four walks"))));
        victim.text("strength", "My sister walks with me");
        victim.put("strengthId", strength(victim));
        victim.text("copingStrategy", "Text my sister");
        victim.note("planVersion", draftVersion(victim));
        call(victim.therapistToken(), "POST", victim.fill("/clients/{clientId}/wellness-plan/agreement"),
                victim.fill("{\"version\":{planVersion}}"));
        victim.put("exportId", callFor("$.exportId", victim.clientToken(), "POST", victim.fill("/clients/{clientId}/exports"), null));
    }

    /** A new client of the tenant on the therapist's caseload (for what cannot be undone). */
    private String clientOnCaseload(Victim victim) throws Exception {
        String client = "client-" + UUID.randomUUID();
        assign(victim.tenant(), client, victim.therapist());
        return client;
    }

    /** The client asks for their erasure; the id of its proof. */
    private String erasureBy(Victim victim, String client) throws Exception {
        return callFor("$.erasureId", TestTokens.client(victim.tenantId(), client), "POST", "/clients/" + client + "/erasure", null);
    }

    /** A new goal proposed by the client. */
    private String proposedGoal(Victim victim) throws Exception {
        return callFor("$.id", victim.clientToken(), "POST", victim.fill("/clients/{clientId}/goals"), victim.fill(GOAL));
    }

    /** A new goal the client proposed and the therapist agreed (an audited access). */
    private String agreedGoal(Victim victim) throws Exception {
        String goal = proposedGoal(victim);
        call(victim.therapistToken(), "POST", goalPath(victim, goal) + "/agreement", "{\"version\":1}");
        return goal;
    }

    /** A new goal the client works on. */
    private String activeGoal(Victim victim) throws Exception {
        String goal = agreedGoal(victim);
        call(victim.clientToken(), "POST", goalPath(victim, goal) + "/activation", null);
        return goal;
    }

    private String strength(Victim victim) throws Exception {
        return callFor("$.id", victim.clientToken(), "POST", victim.fill("/clients/{clientId}/strengths"),
                victim.fill("{\"kind\":\"SUPPORT\",\"description\":\"{strength}\"}"));
    }

    /** A new draft of the wellness plan by the client; its version (what the other party agrees to). */
    private String draftVersion(Victim victim) throws Exception {
        return callFor("$.draftVersion", victim.clientToken(), "PUT", victim.fill("/clients/{clientId}/wellness-plan/draft"),
                victim.fill(PLAN));
    }

    private static String goalPath(Victim victim, String goal) {
        return victim.fill("/clients/{clientId}/goals/") + goal;
    }

    private static String onCallName(MatrixTenant tenant) {
        return "Duty clinician of " + tenant.id();
    }
}
