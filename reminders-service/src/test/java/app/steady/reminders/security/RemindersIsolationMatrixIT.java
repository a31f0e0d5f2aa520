package app.steady.reminders.security;

import static org.awaitility.Awaitility.await;

import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.Occurrence;
import app.steady.testing.IsolationMatrix;
import app.steady.testing.Party;
import app.steady.testing.Probe;
import app.steady.testing.TestEvents;
import app.steady.testing.Victim;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who may call each endpoint of reminders-service (a new endpoint fails this test until it has a probe here). The
 * client's reminders come as reminders-service gets them: events of homework-service and analytics-service.
 */
class RemindersIsolationMatrixIT extends IsolationMatrix {

    static final String SETTINGS = """
            {"timeZone":"{settingsZone}","quietStart":"22:00","quietEnd":"07:00","maxPerDay":5}""";

    @Override
    protected List<Probe> probes() {
        return List.of(
                Probe.of("GET /clients/{clientId}/reminders", Scope.CLIENT).shows("assignmentId"),
                // The treating therapist only: clinicians' notifications are not the client's to read.
                Probe.of("GET /clients/{clientId}/clinical-notifications", Scope.CLIENT).only(Party.THERAPIST).shows("flagId"),
                Probe.of("GET /clients/{clientId}/reminder-settings", Scope.CLIENT).shows("settingsZone"),
                // Clients set their own boundaries.
                Probe.of("PUT /clients/{clientId}/reminder-settings", Scope.CLIENT).only(Party.CLIENT).body(SETTINGS),
                // A therapist's contact is theirs and their tenant's admins' (whoever treats the client now).
                Probe.of("GET /therapists/{therapistId}/contact", Scope.THERAPIST).also(Party.ADMIN)
                        .ownView(Party.OTHER_TENANT_ADMIN).with("email", victim -> emailOf(victim.therapist())).shows("email"),
                Probe.of("PUT /therapists/{therapistId}/contact", Scope.THERAPIST).also(Party.ADMIN)
                        .ownView(Party.OTHER_TENANT_ADMIN).body("{\"email\":\"duty@clinic.example\"}"));
    }

    @Override
    protected void seed(Victim victim) throws Exception {
        for (String therapist : List.of(victim.therapist(), victim.otherTherapist())) {
            call(victim.tenant().therapistToken(therapist), "PUT", "/therapists/" + therapist + "/contact",
                    "{\"email\":\"" + victim.put("email of " + therapist, emailOf(therapist)) + "\"}");
        }
        victim.note("settingsZone", "Pacific/Chatham");
        call(victim.clientToken(), "PUT", victim.fill("/clients/{clientId}/reminder-settings"), victim.fill(SETTINGS));
        Instant due = Instant.now().plus(Duration.ofDays(1));
        String assignment = victim.put("assignmentId", "assignment-" + UUID.randomUUID());
        TestEvents.publish(topics, json, victim.tenantId(), new HomeworkAssigned(assignment, victim.client(),
                victim.therapist(), null, "RELAXATION", "Etc/UTC", 1, List.of(new Occurrence("o-1", due,
                LocalDateTime.ofInstant(due, ZoneOffset.UTC), due.plus(Duration.ofHours(2)))), Instant.now()));
        String flag = victim.put("flagId", "flag-" + UUID.randomUUID());
        TestEvents.publish(topics, json, victim.tenantId(), new RiskFlagRaised(flag, victim.client(), victim.therapist(),
                "LOW_MOOD", "ROUTINE", List.of("mood 3 below baseline"), Instant.now()));
        // The therapist looks, as their dashboard does (an audited access), until both have been planned.
        await().atMost(Duration.ofSeconds(30)).until(() -> seen(victim, "reminders", assignment)
                && seen(victim, "clinical-notifications", flag));
    }

    private boolean seen(Victim victim, String list, String id) throws Exception {
        return call(victim.therapistToken(), "GET", victim.fill("/clients/{clientId}/" + list), null)
                .getContentAsString().contains(id);
    }

    private static String emailOf(String therapist) {
        return therapist + "@clinic.example";
    }
}
