package app.steady.reminders.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventData;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.analytics.TherapistDigestReady;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalSet;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.Occurrence;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.reminders.dispatch.Dispatcher;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderStatus;
import app.steady.testing.FreePorts;
import app.steady.testing.MutableClock;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Clinical notifications by e-mail, received by a real SMTP server: risk flags to the therapist and, unacknowledged,
 * to on-call; the weekly digest. And the client's side: gentle prompts (self-care after early signs, outside the night
 * even when they set no quiet hours; goal check-in invitations), no opting out of their clinicians' notifications and
 * none of those in their own reminder list. Routing in detail: {@link RiskRoutingIT}.
 */
@SteadyIntegrationTest(properties = {
        "steady.reminders.dispatch-interval=1h",
        "steady.reminders.channels.tenants.clinic.on-call-email=on-call@clinic.example"})
class ClinicalNotificationsIT {

    static final String TENANT = "clinic";
    static final GreenMail smtp = startSmtp();

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;

    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final String therapistEmail = therapist + "@clinic.example";

    @BeforeEach
    void caseloadAndContact() throws Exception {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        TestCaseload.assign(topics, json, caseload, TENANT, client, therapist);
        mvc.perform(put("/therapists/{t}/contact", therapist).header("Authorization", TestTokens.therapist(TENANT, therapist))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + therapistEmail + "\"}"))
                .andExpect(status().isOk());
    }

    @Test
    void aRiskFlagReachesTheTherapistAtOnceAndOnCallWhenNobodyAcknowledgesIt() throws Exception {
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "SAFETY_ITEM", "HIGH", List.of("PHQ-9 item 9 = 1"), clock.instant()));
        awaitReminder(ReminderKind.RISK_ESCALATION, flag);

        dispatcher.dispatchDue();
        assertThat(mailTo(therapistEmail)).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("not a diagnosis").contains(client));

        clock.advance(Duration.ofHours(2).plusMinutes(1));
        dispatcher.dispatchDue();
        assertThat(mailTo("on-call@clinic.example").stream().filter(m -> GreenMailUtil.getBody(m).contains(client))).hasSize(1);
        assertThat(reminderOf(ReminderKind.SELF_CARE, flag)).as("a safety flag is never a client prompt").isNull();
    }

    @Test
    void anEarlySignGetsAGentleSelfCarePromptAndNeverAnEscalation() {
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "LOW_MOOD", "ROUTINE", List.of("mood 3 below baseline"), clock.instant()));
        awaitReminder(ReminderKind.SELF_CARE, flag);
        awaitReminder(ReminderKind.RISK_FLAG, flag);

        assertThat(reminderOf(ReminderKind.SELF_CARE, flag).recipientId()).isEqualTo(client);
        assertThat(reminderOf(ReminderKind.RISK_FLAG, flag).recipientId()).isEqualTo(therapist);
        assertThat(reminderOf(ReminderKind.RISK_ESCALATION, flag)).as("a routine flag never pages on-call").isNull();
    }

    @Test
    void aSelfCarePromptWaitsForTheEndOfDefaultNightQuietHoursWhenTheClientSetNone() throws Exception {
        mvc.perform(put("/clients/{c}/reminder-settings", client).header("Authorization", TestTokens.client(TENANT, client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":\"America/New_York\"}"))
                .andExpect(status().isOk());
        clock.set(Instant.parse("2026-06-02T03:30:00Z")); // 23:30 in New York
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "LOW_MOOD", "ROUTINE", List.of("mood 3 below baseline"), clock.instant()));
        awaitReminder(ReminderKind.SELF_CARE, flag);

        assertThat(LocalDateTime.ofInstant(reminderOf(ReminderKind.SELF_CARE, flag).sendAt(), ZoneId.of("America/New_York")))
                .isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));
    }

    @Test
    void aClientWithoutSettingsGetsSelfCarePromptsInTheTimeZoneOfTheirHomeworkOutsideTheNight() {
        Instant due = Instant.parse("2026-06-02T09:00:00Z");
        String assignment = "assignment-" + UUID.randomUUID();
        publish(new HomeworkAssigned(assignment, client, therapist, null, "RELAXATION", "Europe/London", 1,
                List.of(new Occurrence("o-1", due, LocalDateTime.parse("2026-06-02T10:00"), due.plus(Duration.ofHours(2)))),
                clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("assignmentId")
                .is(assignment)), Reminder.class) > 0);
        clock.set(Instant.parse("2026-06-01T22:30:00Z")); // 23:30 in London
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "DISENGAGEMENT", "ROUTINE", List.of("no activity"), clock.instant()));
        awaitReminder(ReminderKind.SELF_CARE, flag);

        assertThat(LocalDateTime.ofInstant(reminderOf(ReminderKind.SELF_CARE, flag).sendAt(), ZoneId.of("Europe/London")))
                .isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));
    }

    @Test
    void aClientCannotOptOutOfClinicianNotifications() throws Exception {
        for (String kind : List.of("RISK_FLAG", "RISK_ESCALATION", "MISSED_PATTERN", "DIGEST")) {
            mvc.perform(put("/clients/{c}/reminder-settings", client).header("Authorization", TestTokens.client(TENANT, client))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"timeZone\":\"Europe/London\",\"optedOut\":[\"HOMEWORK\",\"" + kind + "\"]}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value("optedOut[1]"));
        }
        mvc.perform(put("/clients/{c}/reminder-settings", client).header("Authorization", TestTokens.client(TENANT, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"timeZone\":\"Europe/London\",\"optedOut\":[\"HOMEWORK_FOLLOW_UP\",\"SELF_CARE\"]}"))
                .andExpect(status().isOk());
    }

    @Test
    void aClientsReminderListNeverShowsNotificationsMeantForClinicians() throws Exception {
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "LOW_MOOD", "ROUTINE", List.of("mood 3 below baseline"), clock.instant()));
        awaitReminder(ReminderKind.SELF_CARE, flag);
        awaitReminder(ReminderKind.RISK_FLAG, flag);

        for (String reader : List.of(TestTokens.client(TENANT, client), TestTokens.therapist(TENANT, therapist))) {
            mvc.perform(get("/clients/{c}/reminders", client).header("Authorization", reader))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("SELF_CARE")));
        }
        mvc.perform(get("/clients/{c}/clinical-notifications", client).header("Authorization", TestTokens.therapist(TENANT, therapist)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("RISK_FLAG")))
                .andExpect(jsonPath("$[0].recipientId").value(therapist));
        mvc.perform(get("/clients/{c}/clinical-notifications", client).header("Authorization", TestTokens.client(TENANT, client)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void agreedGoalsInviteWeeklyCheckInsAtSixInTheEveningUntilAchieved() throws Exception {
        mvc.perform(put("/clients/{c}/reminder-settings", client).header("Authorization", TestTokens.client(TENANT, client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\":\"America/New_York\"}"))
                .andExpect(status().isOk());
        String goal = "goal-" + UUID.randomUUID();
        publish(new GoalSet(goal, client, therapist, 1, LocalDate.parse("2026-09-01"), 1, false, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> checkIns(goal).size() == 4);
        List<Reminder> invitations = checkIns(goal);
        assertThat(invitations).allSatisfy(r -> assertThat(LocalDateTime.ofInstant(r.sendAt(), ZoneId.of("America/New_York"))
                .toLocalTime()).hasToString("18:00"));
        assertThat(invitations).extracting(Reminder::occurrenceId)
                .containsExactlyInAnyOrder("2026-06-08", "2026-06-15", "2026-06-22", "2026-06-29");

        publish(new GoalAchieved(goal, client, therapist, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> checkIns(goal).stream().allMatch(r -> r.status() == ReminderStatus.CANCELLED));
    }

    @Test
    void theWeeklyDigestIsDeliveredToItsTherapistWithADashboardLink() {
        String digest = "digest-" + UUID.randomUUID();
        publish(new TherapistDigestReady(digest, therapist, LocalDate.parse("2026-05-25"), 12, 4, 2, 1, 0.72,
                "/dashboard", clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("occurrenceId").is(digest)),
                Reminder.class) == 1);
        dispatcher.dispatchDue();
        assertThat(mailTo(therapistEmail)).singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("/dashboard"));
    }

    private List<Reminder> checkIns(String goal) {
        return mongo.find(Query.query(Criteria.where("tenantId").is(TENANT).and("assignmentId").is("goal:" + goal)), Reminder.class);
    }

    private void awaitReminder(ReminderKind kind, String about) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reminderOf(kind, about) != null);
    }

    private Reminder reminderOf(ReminderKind kind, String about) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(TENANT).and("kind").is(kind)
                .and("occurrenceId").is(about)), Reminder.class);
    }

    private List<MimeMessage> mailTo(String address) {
        return mailTo(smtp, address);
    }

    static List<MimeMessage> mailTo(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void publish(EventData data) {
        TestEvents.publish(topics, json, TENANT, data);
    }

    static GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }
}
