package app.steady.reminders.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.events.analytics.RiskFlagAcknowledged;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkMissed;
import app.steady.events.homework.Occurrence;
import app.steady.reminders.channels.ClinicianContacts;
import app.steady.reminders.dispatch.WebhookReceiver;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderStatus;
import app.steady.testing.SteadyIntegrationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A risk flag always ends at a named person: the treating therapist at once, on-call after the tenant's escalation
 * time for a high-priority flag nobody acknowledged, and on-call at once when there is no therapist or no way to
 * reach them. Routine flags never page. On a real broker, store, SMTP server and pager endpoint.
 */
@SteadyIntegrationTest(properties = {
        "steady.reminders.dispatch-interval=1h",
        "steady.reminders.channels.tenants.paged-clinic.webhook-secret=" + RiskRoutingFixture.PAGER_SECRET,
        "steady.reminders.channels.tenants.fallback-clinic.on-call-email=fallback-on-call@clinic.example"})
@Import(RiskRoutingFixture.TestClock.class)
class RiskRoutingIT extends RiskRoutingFixture {

    static final GreenMail smtp = ClinicalNotificationsIT.startSmtp();
    static final WebhookReceiver pager = new WebhookReceiver(PAGER_SECRET);

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        smtp.stop();
        pager.close();
    }

    @Override
    String pagedTenant() {
        return "paged-clinic";
    }

    @Override
    WebhookReceiver pager() {
        return pager;
    }

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        onCallSettings(pagedTenant());
    }

    @Test
    void aHighFlagReachesTheTherapistAtOnceAndOnCallAfterTheTenantsEscalationTime() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        String flag = raise(pagedTenant(), therapist, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();
        assertThat(mailTo(therapistEmail)).singleElement().satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                .contains("context for your clinical judgement, not a diagnosis").contains(client));
        assertThat(pagesAbout(flag)).as("on-call waits for the therapist").isEmpty();

        clock.advance(TENANT_ESCALATION.plusSeconds(1));
        dispatchAllDue();

        assertThat(pagesAbout(flag)).singleElement().satisfies(page -> {
            assertThat(page.signatureValid()).as("signed with the tenant's webhook secret").isTrue();
            assertThat(page.idempotencyKey()).isNotBlank();
            assertThat(page.body()).contains("\"kind\":\"RISK_ESCALATION\"").contains("\"clientId\":\"" + client + "\"")
                    .contains("\"reason\":\"NOT_ACKNOWLEDGED\"").contains("10 minutes").contains("/dashboard/clients/" + client);
        });
        assertThat(mailTo(ON_CALL_EMAIL).stream().filter(m -> GreenMailUtil.getBody(m).contains(client)))
                .as("the on-call clinician reached by e-mail only").singleElement()
                .satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("not a diagnosis")
                        .contains("not acknowledged within 10 minutes"));
    }

    @Test
    void aHighFlagForAClientWithoutATherapistGoesToOnCallAtOnce() {
        double nobody = routed("HIGH", "on-call", "no-therapist");
        String flag = raise(pagedTenant(), null, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();

        assertThat(pagesAbout(flag)).singleElement()
                .satisfies(page -> assertThat(page.body()).contains("\"reason\":\"NO_THERAPIST\""));
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag)).as("no notification addressed to nobody").isNull();
        assertThat(routed("HIGH", "on-call", "no-therapist")).isEqualTo(nobody + 1);
    }

    @Test
    void aHighFlagNamingNoTherapistFindsTheTreatingTherapistInTheCaseload() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        String flag = raise(pagedTenant(), null, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();

        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag).recipientId()).isEqualTo(therapist);
        assertThat(mailTo(therapistEmail)).hasSize(1);
        assertThat(pagesAbout(flag)).isEmpty();
    }

    @Test
    void aHighFlagWhoseTherapistHasNoContactGoesToOnCallAtOnceAndCountsAsAFailedDelivery() {
        assign(pagedTenant());
        double failures = riskDeliveryFailures("RISK_FLAG", "none", "no-address");
        String flag = raise(pagedTenant(), therapist, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();

        assertThat(pagesAbout(flag)).singleElement()
                .satisfies(page -> assertThat(page.body()).contains("\"reason\":\"NO_CONTACT\""));
        assertThat(mailTo(ON_CALL_EMAIL).stream().filter(m -> GreenMailUtil.getBody(m).contains(client)))
                .singleElement().satisfies(m -> assertThat(GreenMailUtil.getBody(m)).contains("no contact address"));
        assertThat(riskDeliveryFailures("RISK_FLAG", "none", "no-address")).isEqualTo(failures + 1);
    }

    @Test
    void aTherapistWhoseAddressIsGoneAtDeliveryFailsAtOnceAndTheFlagGoesToOnCall() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        double failures = riskDeliveryFailures("RISK_FLAG", "EMAIL", "no-address");
        String flag = raise(pagedTenant(), therapist, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);
        mongo.remove(Query.query(Criteria.where("therapistId").is(therapist)), ClinicianContacts.Contact.class);

        dispatchAllDue();

        Reminder toTherapist = reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag);
        assertThat(toTherapist.status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(toTherapist.attempts()).as("no address is not worth retrying").isEqualTo(1);
        assertThat(pagesAbout(flag)).singleElement()
                .satisfies(page -> assertThat(page.body()).contains("\"reason\":\"DELIVERY_FAILED\""));
        assertThat(riskDeliveryFailures("RISK_FLAG", "EMAIL", "no-address")).isEqualTo(failures + 1);
    }

    @Test
    void onCallGetsOneNotificationPerFlagWhateverHappens() {
        RiskFlagRaised raised = new RiskFlagRaised("flag-" + UUID.randomUUID(), client, null, "SAFETY_ITEM", "HIGH",
                List.of("PHQ-9 item 9 = 1"), clock.instant());
        publishFlag(pagedTenant(), raised);
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, raised.flagId());
        dispatchAllDue();
        publishFlag(pagedTenant(), raised); // redelivered
        clock.advance(Duration.ofHours(3));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            dispatchAllDue();
            assertThat(pagesAbout(raised.flagId())).hasSize(1);
        });
        clock.advance(Duration.ofHours(3));
        dispatchAllDue();

        assertThat(pagesAbout(raised.flagId())).hasSize(1);
        assertThat(mailTo(ON_CALL_EMAIL).stream().filter(m -> GreenMailUtil.getBody(m).contains(client))).hasSize(1);
    }

    @Test
    void anAcknowledgementCancelsTheWaitingEscalationAndTheTherapistsWaitingNotification() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        String flag = raise(pagedTenant(), therapist, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        publish(pagedTenant(), new RiskFlagAcknowledged(flag, client, therapist, therapist, clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                reminderOf(pagedTenant(), ReminderKind.RISK_ESCALATION, flag).status() == ReminderStatus.CANCELLED);
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag).status()).isEqualTo(ReminderStatus.CANCELLED);
        clock.advance(Duration.ofHours(3));
        dispatchAllDue();
        assertThat(pagesAbout(flag)).isEmpty();
    }

    @Test
    void aRoutineFlagGoesToTheTherapistAndNeverPagesOnCall() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        String flag = raise(pagedTenant(), therapist, "LOW_MOOD", "ROUTINE");
        awaitReminder(pagedTenant(), ReminderKind.RISK_FLAG, flag);
        dispatchAllDue();
        clock.advance(Duration.ofHours(3));
        dispatchAllDue();

        assertThat(mailTo(therapistEmail)).hasSize(1);
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_ESCALATION, flag)).isNull();
        assertThat(pagesAbout(flag)).isEmpty();
    }

    @Test
    void aRoutineFlagWithoutATherapistSendsNothingAndIsCounted() {
        double unaddressed = routed("ROUTINE", "nobody", "no-therapist");
        String flag = raise(pagedTenant(), null, "DISENGAGEMENT", "ROUTINE");
        awaitReminder(pagedTenant(), ReminderKind.SELF_CARE, flag);
        clock.advance(Duration.ofHours(3));
        dispatchAllDue();

        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag)).isNull();
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_ESCALATION, flag)).isNull();
        assertThat(pagesAbout(flag)).isEmpty();
        assertThat(routed("ROUTINE", "nobody", "no-therapist")).isEqualTo(unaddressed + 1);
    }

    @Test
    void missedHomeworkBecomesOneNoteFromTheAnalyticsFlagNotASecondFromMissStreaks() throws Exception {
        assign(pagedTenant());
        contact(pagedTenant());
        String assignment = "assignment-" + UUID.randomUUID();
        for (String day : List.of("2026-05-27", "2026-05-28", "2026-05-29", "2026-05-30")) {
            Instant due = Instant.parse(day + "T09:00:00Z");
            publish(pagedTenant(), new HomeworkMissed(assignment, client, day + "T09:00", "RELAXATION", due,
                    due.plus(Duration.ofHours(1))));
        }
        // After the misses on the same topic and partition: once its reminder exists, the misses were applied.
        String marker = "assignment-" + UUID.randomUUID();
        Instant later = clock.instant().plus(Duration.ofDays(1));
        publish(pagedTenant(), new HomeworkAssigned(marker, client, therapist, null, "RELAXATION", "Europe/London", 1,
                List.of(new Occurrence("o-1", later, LocalDateTime.parse("2026-06-02T10:00"), later.plus(Duration.ofHours(2)))),
                clock.instant()));
        String flag = raise(pagedTenant(), therapist, "MISSED_HOMEWORK", "ROUTINE");
        awaitReminder(pagedTenant(), ReminderKind.MISSED_PATTERN, flag);
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId")
                .is(pagedTenant()).and("assignmentId").is(marker)), Reminder.class) > 0);

        dispatchAllDue();

        assertThat(mongo.find(Query.query(Criteria.where("tenantId").is(pagedTenant()).and("clientId").is(client)
                .and("kind").in(ReminderKind.MISSED_PATTERN, ReminderKind.RISK_FLAG)), Reminder.class))
                .singleElement().satisfies(note -> assertThat(note.kind()).isEqualTo(ReminderKind.MISSED_PATTERN));
        assertThat(mailTo(therapistEmail)).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).contains("missed several homework"));
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_ESCALATION, flag)).isNull();
    }

    @Test
    void aTenantWithoutSafetySettingsFallsBackToItsConfiguredOnCallEmail() {
        String flag = raise("fallback-clinic", null, "SAFETY_ITEM", "HIGH");
        awaitReminder("fallback-clinic", ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();

        assertThat(mailTo("fallback-on-call@clinic.example").stream().filter(m -> GreenMailUtil.getBody(m).contains(client)))
                .singleElement().satisfies(m -> assertThat(GreenMailUtil.getBody(m))
                        .contains("not a diagnosis").contains("no treating therapist"));
    }

    @Test
    void withoutAnyReachableOnCallTheEscalationFailsLoudlyAtOnce() {
        String tenant = "tenant-without-on-call-" + UUID.randomUUID();
        double failures = riskDeliveryFailures("RISK_ESCALATION", "none", "no-on-call");
        String flag = raise(tenant, null, "SAFETY_ITEM", "HIGH");
        awaitReminder(tenant, ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();

        Reminder escalation = reminderOf(tenant, ReminderKind.RISK_ESCALATION, flag);
        assertThat(escalation.status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(escalation.attempts()).isEqualTo(1);
        assertThat(riskDeliveryFailures("RISK_ESCALATION", "none", "no-on-call")).isEqualTo(failures + 1);
    }

    @Test
    void everyRiskDeliveryFailureCounterExistsFromStartUp() {
        assertThat(meters.find("steady.reminders.risk.delivery.failed").counters()).isNotEmpty()
                .allSatisfy(counter -> assertThat(counter.getId().getTag("reason")).isNotNull());
        assertThat(meters.find("steady.reminders.risk.delivery.failed").tags("kind", "RISK_ESCALATION", "channel", "PAGER",
                "reason", "error").counter()).isNotNull();
    }

    private List<MimeMessage> mailTo(String address) {
        return ClinicalNotificationsIT.mailTo(smtp, address);
    }
}
