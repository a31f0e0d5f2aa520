package app.steady.reminders.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.reminders.dispatch.WebhookReceiver;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.ReminderStatus;
import app.steady.testing.FreePorts;
import app.steady.testing.SteadyIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The therapist's channel is down (nothing listens on the SMTP port): after its retries a high-priority flag goes to
 * on-call at once, not after the escalation time; a routine one stays FAILED and pages nobody. Retries as short as the
 * cross-process drill sets them.
 */
@SteadyIntegrationTest(properties = {
        "steady.reminders.dispatch-interval=1h",
        "steady.reminders.max-attempts=2",
        "steady.reminders.retry-backoff=PT1S",
        "steady.reminders.channels.clinician-channel=EMAIL",
        "steady.reminders.channels.tenants.mail-down-clinic.webhook-secret=" + RiskRoutingFixture.PAGER_SECRET})
@Import(RiskRoutingFixture.TestClock.class)
class RiskRoutingWhenMailIsDownIT extends RiskRoutingFixture {

    static final WebhookReceiver pager = new WebhookReceiver(PAGER_SECRET);

    @DynamicPropertySource
    static void smtpServerThatIsDown(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", FreePorts::next);
    }

    @AfterAll
    static void stop() {
        pager.close();
    }

    @Override
    String pagedTenant() {
        return "mail-down-clinic";
    }

    @Override
    WebhookReceiver pager() {
        return pager;
    }

    @BeforeEach
    void start() throws Exception {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        onCallSettings(pagedTenant());
        assign(pagedTenant());
        contact(pagedTenant());
    }

    @Test
    void aHighFlagWhoseTherapistCannotBeReachedAfterRetriesGoesToOnCallAtOnce() {
        double failures = riskDeliveryFailures("RISK_FLAG", "EMAIL", "error");
        String flag = raise(pagedTenant(), therapist, "SAFETY_ITEM", "HIGH");
        awaitReminder(pagedTenant(), ReminderKind.RISK_ESCALATION, flag);

        dispatchAllDue();
        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag).status()).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(pagesAbout(flag)).as("still retrying the therapist").isEmpty();
        clock.advance(Duration.ofSeconds(2));
        dispatchAllDue();

        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag).status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(pagesAbout(flag)).as("long before the tenant's escalation time").singleElement()
                .satisfies(page -> assertThat(page.body()).contains("\"reason\":\"DELIVERY_FAILED\""));
        assertThat(riskDeliveryFailures("RISK_FLAG", "EMAIL", "error")).isEqualTo(failures + 2);

        clock.advance(TENANT_ESCALATION.plusMinutes(1));
        dispatchAllDue();
        assertThat(pagesAbout(flag)).as("one page per flag").hasSize(1);
    }

    @Test
    void aRoutineFlagWhoseTherapistCannotBeReachedPagesNobody() {
        String flag = raise(pagedTenant(), therapist, "LOW_MOOD", "ROUTINE");
        awaitReminder(pagedTenant(), ReminderKind.RISK_FLAG, flag);

        dispatchAllDue();
        clock.advance(Duration.ofSeconds(2));
        dispatchAllDue();
        clock.advance(Duration.ofHours(3));
        dispatchAllDue();

        assertThat(reminderOf(pagedTenant(), ReminderKind.RISK_FLAG, flag).status()).isEqualTo(ReminderStatus.FAILED);
        assertThat(pagesAbout(flag)).isEmpty();
    }
}
