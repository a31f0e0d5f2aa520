package app.steady.reminders.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventData;
import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.analytics.TherapistDigestReady;
import app.steady.events.goals.GoalAchieved;
import app.steady.events.goals.GoalSet;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.HomeworkMissed;
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
 * to on-call; runs of missed homework; the weekly digest. And gentle client prompts: self-care after early signs,
 * goal check-in invitations.
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
    void anAcknowledgedFlagIsNotEscalated() {
        String flag = "flag-" + UUID.randomUUID();
        publish(new RiskFlagRaised(flag, client, therapist, "LOW_MOOD", "ROUTINE", List.of("mood 3 below baseline"), clock.instant()));
        awaitReminder(ReminderKind.RISK_ESCALATION, flag);
        publish(new RiskFlagAcknowledged(flag, client, therapist, therapist, clock.instant().plusSeconds(60)));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminderOf(ReminderKind.RISK_ESCALATION, flag).status() == ReminderStatus.CANCELLED);

        assertThat(reminderOf(ReminderKind.SELF_CARE, flag)).as("an early sign gets a gentle prompt").isNotNull();
        assertThat(reminderOf(ReminderKind.SELF_CARE, flag).recipientId()).isEqualTo(client);
    }

    @Test
    void threeMissesInARowMakeOneNoteForTheTherapist() {
        String assignment = "assignment-" + UUID.randomUUID();
        missed(assignment, "2026-05-24T09:00");
        missed(assignment, "2026-05-25T09:00");
        publish(new HomeworkCompleted(assignment, client, "2026-05-26T09:00", "RELAXATION", clock.instant(), clock.instant(),
                false, null, null));
        missed(assignment, "2026-05-27T09:00");
        missed(assignment, "2026-05-28T09:00");
        missed(assignment, "2026-05-29T09:00");
        missed(assignment, "2026-05-30T09:00");

        await().atMost(Duration.ofSeconds(30)).until(() -> notesFor(assignment) == 1);
        dispatcher.dispatchDue();
        assertThat(mailTo(therapistEmail)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("missed several homework"));
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

    private void missed(String assignment, String occurrence) {
        Instant due = LocalDateTime.parse(occurrence).atZone(ZoneId.of("Europe/London")).toInstant();
        publish(new HomeworkMissed(assignment, client, occurrence, "RELAXATION", due, due.plus(Duration.ofHours(1))));
    }

    private long notesFor(String assignment) {
        return mongo.count(Query.query(Criteria.where("tenantId").is(TENANT).and("kind").is(ReminderKind.MISSED_PATTERN)
                .and("occurrenceId").regex("^" + assignment + "@")), Reminder.class);
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

    private static GreenMail startSmtp() {
        GreenMail greenMail = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        return greenMail;
    }
}
