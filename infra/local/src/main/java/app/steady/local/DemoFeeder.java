package app.steady.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Feeds realistic activity through the public APIs, as the people using Steady would, so a newcomer sees the
 * platform working. At every start the demo tenant gets its safety settings (assignment needs an on-call contact);
 * with {@code --demo} an admin then puts a few dozen clients on three therapists' caseloads, clients and therapists
 * propose goals and most are agreed by both, therapists assign daily homework, and clients log their mood and
 * complete a PHQ-9 (so events flow to the other services).
 */
final class DemoFeeder {

    static final int THERAPISTS = 3;
    static final int CLIENTS = 30;

    private static final List<String> GOALS = List.of(
            "Walk for 20 minutes most mornings", "Get to bed by 23:00 on weeknights",
            "Call a friend once a week", "Practise box breathing before work",
            "Cook a proper meal three times a week", "Notice and write down one good moment a day",
            "Go back to the Saturday football group", "Limit news scrolling to 15 minutes a day");
    private static final List<String> REASONS = List.of(
            "I feel calmer when I have moved", "Tired days are my worst days", "I have drifted away from people",
            "My mornings start in a rush", "I want to look after myself again");

    /** Example crisis lines per locale; a real provider sets its own (never hard-coded to one country). */
    static final String SAFETY_SETTINGS = """
            {"onCallContacts":[{"name":"Demo on-call clinician","email":"oncall@demo.steady.example","phone":"+44 20 7946 0000"}],
             "crisisResources":[
               {"name":"Samaritans","phone":"116 123","url":"https://www.samaritans.org","locale":"en-GB"},
               {"name":"Shout","text":"Text SHOUT to 85258","url":"https://giveusashout.org","locale":"en-GB"},
               {"name":"988 Suicide & Crisis Lifeline","phone":"988","text":"Text 988","url":"https://988lifeline.org","locale":"en-US"}],
             "highPriorityEscalationAfter":"PT15M"}""";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final DevTokens tokens;
    private final String tenant;
    private final String goals;
    private final String homework;
    private final String reminders;
    private final Random random = new Random(42);

    DemoFeeder(DevTokens tokens, String tenant, List<ServiceProcess> services) {
        this.tokens = tokens;
        this.tenant = tenant;
        this.goals = urlOf(services, "goals-service");
        this.homework = urlOf(services, "homework-service");
        this.reminders = urlOf(services, "reminders-service");
    }

    /**
     * Gives the demo tenant what its clinicians need before clients can be assigned (an on-call contact) and the crisis
     * resources its clients are shown, unless its admin has set settings of their own (data survives restarts).
     */
    void safetySettings() {
        String url = goals + "/tenant/safety-settings";
        if (exchange("GET", url, token("admin-1", "ADMIN"), null).statusCode() == 404) {
            send("PUT", url, token("admin-1", "ADMIN"), SAFETY_SETTINGS);
        }
    }

    /**
     * Puts client-1 on therapist-1's caseload unless an admin has placed them already, and waits until the services
     * that check the caseload have heard of it (they learn it from goals-service's events), so that the banner's
     * examples answer at once.
     */
    void firstClientOnCaseload() {
        String caseload = goals + "/caseload/clients/client-1";
        if (exchange("GET", caseload, token("admin-1", "ADMIN"), null).statusCode() == 404) {
            send("PUT", caseload, token("admin-1", "ADMIN"), "{\"therapistId\":\"therapist-1\"}");
        }
        for (String known : List.of(homework + "/clients/client-1/agenda", reminders + "/clients/client-1/reminders")) {
            try {
                Waits.until("client-1's caseload at " + known, Duration.ofSeconds(60),
                        () -> exchange("GET", known, token("client-1", "CLIENT"), null).statusCode() == 200);
            } catch (IllegalStateException late) {
                System.out.println("Note: " + late.getMessage() + "; the examples may answer 404 for a few seconds");
                return;
            }
        }
    }

    void feed() {
        System.out.println("Demo mode: feeding activity for " + CLIENTS + " clients and " + THERAPISTS
                + " therapists through the public APIs ...");
        int agreed = 0;
        for (int c = 1; c <= CLIENTS; c++) {
            String client = "client-" + c;
            String therapist = "therapist-" + (1 + (c - 1) % THERAPISTS);
            send("PUT", goals + "/caseload/clients/" + client, token("admin-1", "ADMIN"),
                    "{\"therapistId\":\"" + therapist + "\"}");
            int goalCount = 1 + random.nextInt(3);
            for (int g = 0; g < goalCount; g++) {
                boolean clientProposes = random.nextBoolean();
                String proposer = clientProposes ? token(client, "CLIENT") : token(therapist, "THERAPIST");
                String other = clientProposes ? token(therapist, "THERAPIST") : token(client, "CLIENT");
                HttpResponse<String> proposed = send("POST", goals + "/clients/" + client + "/goals", proposer,
                        "{\"title\":\"" + pick(GOALS) + "\",\"whyItMatters\":\"" + pick(REASONS)
                                + "\",\"weight\":" + (1 + random.nextInt(3)) + "}");
                String location = proposed.headers().firstValue("Location").orElse(null);
                if (location != null && random.nextInt(10) < 8) {
                    send("POST", goals + location + "/agreement", other, "{\"version\":1}");
                    agreed++;
                }
            }
        }
        for (int c = 1; c <= CLIENTS; c++) {
            practise("client-" + c, "therapist-" + (1 + (c - 1) % THERAPISTS));
        }
        System.out.println("Demo data in place: " + agreed + " goals agreed, homework assigned, moods and"
                + " questionnaires logged. Log in as therapist-1 / client-1 with the tokens above.");
    }

    /** Homework and self-report: a daily breathing exercise and mood check-in, a mood log and a PHQ-9. */
    private void practise(String client, String therapist) {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/London")).toString();
        String schedule = "{\"recurrence\":\"DAILY\",\"startDate\":\"" + today + "\",\"times\":[\"09:00\",\"20:00\"],"
                + "\"timeZone\":\"Europe/London\",\"completionWindow\":\"PT3H\"}";
        send("POST", homework + "/clients/" + client + "/assignments", token(therapist, "THERAPIST"),
                "{\"kind\":\"RELAXATION\",\"title\":\"Box breathing\",\"expectedMinutes\":5,"
                        + "\"techniqueId\":\"box-breathing\",\"schedule\":" + schedule + "}");
        send("POST", homework + "/clients/" + client + "/mood", token(client, "CLIENT"),
                "{\"mood\":" + (3 + random.nextInt(6)) + ",\"anxiety\":" + random.nextInt(8) + ",\"sleepHours\":"
                        + (5 + random.nextInt(4)) + ",\"emotions\":[\"tired\"],\"timeZone\":\"Europe/London\"}");
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 9; i++) {
            items.append(i == 0 ? "" : ",").append(i == 8 ? 0 : random.nextInt(3));
        }
        send("POST", homework + "/clients/" + client + "/assessments", token(client, "CLIENT"),
                "{\"measure\":\"PHQ-9\",\"items\":[" + items + "]}");
    }

    private static String urlOf(List<ServiceProcess> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().baseUrl();
    }

    private String token(String user, String role) {
        return "Bearer " + tokens.token(tenant, user, role, Duration.ofMinutes(30));
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private HttpResponse<String> send(String method, String url, String authorization, String json) {
        HttpResponse<String> response = exchange(method, url, authorization, json);
        if (response.statusCode() >= 400 && response.statusCode() != 409) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, String url, String authorization, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
