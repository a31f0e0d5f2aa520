package app.steady.homework.security;

import app.steady.testing.IsolationMatrix;
import app.steady.testing.Party;
import app.steady.testing.Probe;
import app.steady.testing.Victim;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Who may call each endpoint of homework-service (a new endpoint fails this test until it has a probe here). */
class HomeworkIsolationMatrixIT extends IsolationMatrix {

    /** Daily at {dueTime} UTC from {dueDate}: the first occurrence, soon due, is open while the matrix runs. */
    static final String SCHEDULE = """
            {"recurrence":"DAILY","startDate":"{dueDate}","times":["{dueTime}"],"timeZone":"Etc/UTC","completionWindow":"PT1H"}""";
    static final String ASSIGNMENT = """
            {"kind":"RELAXATION","title":"{assignmentTitle}","instructions":"Four counts each","expectedMinutes":5,"schedule":%s}"""
            .formatted(SCHEDULE);
    static final String TECHNIQUE = """
            {"kind":"MINDFULNESS","title":"{techniqueTitle}","whatItIs":"Noticing five things you can see",
             "whyItHelps":"It brings attention back to the present","minutes":5,"howTo":["Look around","Name five things"]}""";
    @Override
    protected List<Probe> probes() {
        return List.of(
                Probe.of("GET /clients/{clientId}/agenda", Scope.CLIENT).shows("assignmentTitle"),
                Probe.of("GET /clients/{clientId}/assignments", Scope.CLIENT).shows("assignmentTitle"),
                Probe.of("GET /clients/{clientId}/assignments/{assignmentId}", Scope.CLIENT).shows("assignmentTitle"),
                Probe.of("GET /clients/{clientId}/assignments/{assignmentId}/occurrences", Scope.CLIENT),
                Probe.of("GET /clients/{clientId}/assessments", Scope.CLIENT).shows("assessmentId"),
                Probe.of("GET /clients/{clientId}/mood", Scope.CLIENT).shows("moodNote"),
                Probe.of("GET /clients/{clientId}/journal", Scope.CLIENT).shows("sharedText"),
                Probe.of("GET /clients/{clientId}/journal/{entryId}", Scope.CLIENT).shows("sharedText")
                        .with("entryId", victim -> victim.get("sharedEntryId")),
                // The therapist sees only what the client shared: an entry kept private is the client's alone.
                Probe.of("GET /clients/{clientId}/journal/{entryId}", Scope.CLIENT).variant("an entry kept private")
                        .only(Party.CLIENT).shows("privateText")
                        .with("entryId", victim -> victim.get("privateEntryId")),
                Probe.of("GET /library", Scope.TENANT).shows("techniqueTitle"),
                Probe.of("GET /measures", Scope.TENANT),
                Probe.of("POST /library", Scope.TENANT).only(Party.THERAPIST, Party.OTHER_THERAPIST, Party.ADMIN)
                        .body(TECHNIQUE),
                Probe.of("POST /clients/{clientId}/assignments", Scope.CLIENT).body(ASSIGNMENT),
                Probe.of("POST /clients/{clientId}/assessments", Scope.CLIENT).only(Party.CLIENT)
                        .body("{\"measure\":\"PHQ-9\",\"items\":[0,0,1,0,0,0,0,0,0]}"),
                Probe.of("POST /clients/{clientId}/mood", Scope.CLIENT).only(Party.CLIENT)
                        .body("{\"mood\":6,\"note\":\"{moodNote}\",\"timeZone\":\"Europe/London\"}"),
                Probe.of("POST /clients/{clientId}/journal", Scope.CLIENT).only(Party.CLIENT)
                        .body("{\"text\":\"{privateText}\",\"sharedWithTherapist\":false}"),
                Probe.of("PUT /clients/{clientId}/journal/{entryId}/sharing", Scope.CLIENT).only(Party.CLIENT)
                        .with("entryId", victim -> victim.get("sharedEntryId"))
                        .body("{\"sharedWithTherapist\":true}"),
                // Each rightful caller changes homework of their own: a fresh assignment, assigned by the therapist.
                Probe.of("PUT /clients/{clientId}/assignments/{assignmentId}/schedule", Scope.CLIENT)
                        .with("assignmentId", this::assignment)
                        .body(SCHEDULE),
                Probe.of("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/completion", Scope.CLIENT)
                        .only(Party.CLIENT).with("assignmentId", this::assignment).body("{\"helpfulness\":4,\"difficulty\":2}"),
                Probe.of("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/skip", Scope.CLIENT)
                        .only(Party.CLIENT).with("assignmentId", this::assignment).body("{\"reason\":\"NO_TIME\"}"),
                Probe.of("PUT /clients/{clientId}/assignments/{assignmentId}/occurrences/{occurrenceId}/quality", Scope.CLIENT)
                        .only(Party.THERAPIST).with("assignmentId", this::completedAssignment).body("{\"rating\":4}"),
                Probe.of("DELETE /clients/{clientId}/assignments/{assignmentId}", Scope.CLIENT)
                        .with("assignmentId", this::assignment));
    }

    @Override
    protected void seed(Victim victim) throws Exception {
        LocalDateTime due = LocalDateTime.now(ZoneOffset.UTC).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        victim.note("dueDate", due.toLocalDate().toString());
        victim.note("dueTime", due.toLocalTime().toString());
        victim.note("occurrenceId", due.toString());
        victim.text("assignmentTitle", "Box breathing");
        victim.put("assignmentId", assignment(victim));
        victim.text("techniqueTitle", "Five things you can see");
        call(victim.therapistToken(), "POST", "/library", victim.fill(TECHNIQUE));
        String journal = "/clients/" + victim.client() + "/journal";
        victim.put("sharedEntryId", callFor("$.id", victim.clientToken(), "POST", journal, """
                {"text":"%s","sharedWithTherapist":true}""".formatted(victim.text("sharedText", "I walked to the park"))));
        victim.put("privateEntryId", callFor("$.id", victim.clientToken(), "POST", journal, """
                {"text":"%s","sharedWithTherapist":false}""".formatted(victim.text("privateText", "Nobody knows that I"))));
        call(victim.clientToken(), "POST", "/clients/" + victim.client() + "/mood", """
                {"mood":4,"note":"%s","timeZone":"Europe/London"}""".formatted(victim.text("moodNote", "Slept badly")));
        victim.put("assessmentId", callFor("$.id", victim.clientToken(), "POST", "/clients/" + victim.client() + "/assessments",
                "{\"measure\":\"GAD-7\",\"items\":[1,1,1,0,0,0,0]}"));
    }

    /** A new assignment of the client, by their therapist (an audited access): its first occurrence opens soon. */
    private String assignment(Victim victim) throws Exception {
        return callFor("$.id", victim.therapistToken(), "POST", "/clients/" + victim.client() + "/assignments",
                victim.fill(ASSIGNMENT));
    }

    /** A new assignment whose first occurrence the client has completed (what a therapist rates). */
    private String completedAssignment(Victim victim) throws Exception {
        String assignment = assignment(victim);
        call(victim.clientToken(), "PUT", "/clients/" + victim.client() + "/assignments/" + assignment + "/occurrences/"
                + victim.get("occurrenceId") + "/completion", "{}");
        return assignment;
    }
}
