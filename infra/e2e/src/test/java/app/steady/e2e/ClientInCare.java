package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.testing.TestTokens;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A client with something in every service — an agreed goal, a shared journal entry, a mood, a PHQ-9 with the safety
 * item (so analytics holds a flag and reminders a clinical notification), reminder settings — and the reads a
 * therapist makes about them in each service. Used by the suites that check who may read it when care changes hands.
 */
final class ClientInCare {

    static final String GOAL_TITLE = "Walk by the river every morning";
    static final String SHARED_ENTRY = "Told my sister about the panic attacks";

    final String tenant;
    final String client = "client-" + UUID.randomUUID();
    final String admin;
    private final Function<String, String> baseUrlOf;

    ClientInCare(String tenant, Function<String, String> baseUrlOf) {
        this.tenant = tenant;
        this.admin = TestTokens.admin(tenant, "admin-" + UUID.randomUUID());
        this.baseUrlOf = baseUrlOf;
    }

    /** One read a therapist makes about the client, and what it shows when the client is theirs. */
    record Read(String service, String path, String shows) {
        @Override
        public String toString() {
            return service + " GET " + path;
        }
    }

    /** Every read about the client in every service, each with a piece of the client's data it must show. */
    List<Read> reads() {
        String c = "/clients/" + client;
        return List.of(
                new Read("goals-service", c + "/goals", GOAL_TITLE),
                new Read("homework-service", c + "/journal", SHARED_ENTRY),
                new Read("homework-service", c + "/mood", "\"mood\":3"),
                new Read("homework-service", c + "/assessments", "PHQ-9"),
                new Read("reminders-service", c + "/reminder-settings", "Europe/London"),
                new Read("reminders-service", c + "/clinical-notifications", "\"kind\":\"RISK_"),
                new Read("analytics-service", c + "/summary", "\"daily\""),
                new Read("analytics-service", c + "/flags", "SAFETY_ITEM"),
                new Read("analytics-service", c + "/goal-counts", "\"active\":1"));
    }

    /** The therapist's own lists, which name the client while the client is theirs. */
    List<Read> listsNamingTheClient() {
        return List.of(new Read("goals-service", "/therapists/me/goals", client),
                new Read("analytics-service", "/therapists/me/caseload", client));
    }

    /** Assigns the client to the therapist and gives them data in every service; returns once the therapist sees it all. */
    ClientInCare withDataIn4Services(String therapist) {
        OnCall.setFor(baseUrlOf.apply("goals-service"), tenant);
        assign(therapist);
        String asClient = TestTokens.client(tenant, client);
        String asTherapist = TestTokens.therapist(tenant, therapist);
        Map<String, String> caseloadProbes = Map.of("homework-service", "/mood",
                "reminders-service", "/reminders", "analytics-service", "/flags");
        await("every service knows the caseload").atMost(Duration.ofSeconds(60)).until(() ->
                caseloadProbes.entrySet().stream().allMatch(probe -> call(probe.getKey(), "GET",
                        "/clients/" + client + probe.getValue(), asTherapist, null).status() == 200));
        Http.Response proposed = call("goals-service", "POST", "/clients/" + client + "/goals", asClient,
                "{\"title\":\"" + GOAL_TITLE + "\"}");
        ok(proposed);
        ok(call("goals-service", "POST", proposed.location() + "/agreement", asTherapist, "{\"version\":1}"));
        ok(call("homework-service", "POST", "/clients/" + client + "/journal", asClient,
                "{\"text\":\"" + SHARED_ENTRY + "\",\"sharedWithTherapist\":true}"));
        ok(call("homework-service", "POST", "/clients/" + client + "/mood", asClient,
                "{\"mood\":3,\"emotions\":[\"anxious\"],\"timeZone\":\"Europe/London\"}"));
        ok(call("homework-service", "POST", "/clients/" + client + "/assessments", asClient,
                "{\"measure\":\"PHQ-9\",\"items\":[1,1,1,1,1,1,1,1,1]}"));
        ok(call("reminders-service", "PUT", "/clients/" + client + "/reminder-settings", asClient,
                "{\"timeZone\":\"Europe/London\"}"));
        await("the therapist sees everything").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertThat(whatTheTherapistSees(therapist)).as("reads of " + therapist)
                        .allSatisfy((read, answer) -> assertThat(answer).startsWith("200").contains(read.shows())));
        return this;
    }

    /** The tenant's admin puts the client on this therapist's caseload (goals-service owns the caseload). */
    void assign(String therapist) {
        Http.Response assigned = call("goals-service", "PUT", "/caseload/clients/" + client, admin,
                "{\"therapistId\":\"" + therapist + "\"}");
        assertThat(assigned.status()).as(assigned.body()).isBetween(200, 201);
    }

    /** Status and body of every read about the client, made as this therapist. */
    Map<Read, String> whatTheTherapistSees(String therapist) {
        String token = TestTokens.therapist(tenant, therapist);
        Map<Read, String> answers = new LinkedHashMap<>();
        for (Read read : reads()) {
            Http.Response response = call(read.service(), "GET", read.path(), token, null);
            answers.put(read, response.status() + " " + response.body());
        }
        return answers;
    }

    /** Whether each of the therapist's lists names the client. */
    Map<Read, Boolean> listsOf(String therapist) {
        String token = TestTokens.therapist(tenant, therapist);
        Map<Read, Boolean> named = new LinkedHashMap<>();
        for (Read list : listsNamingTheClient()) {
            Http.Response response = call(list.service(), "GET", list.path(), token, null);
            assertThat(response.status()).as(list + ": " + response.body()).isIn(200, 503);
            named.put(list, response.body().contains(client));
        }
        return named;
    }

    Http.Response call(String service, String method, String path, String token, String json) {
        return Http.send(method, baseUrlOf.apply(service) + path, token, json);
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
    }
}
