package app.steady.reminders.notifications;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.analytics.RiskFlagRaised;
import app.steady.events.goals.TenantSafetySettingsUpdated;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.reminders.dispatch.Dispatcher;
import app.steady.reminders.dispatch.WebhookReceiver;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.scheduling.Reminder;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.MutableClock;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the risk-routing tests share: a tenant whose safety settings name an on-call clinician with a pager (signed
 * with the tenant's webhook secret) and one reached by e-mail only, a therapist, a client, and ways to raise flags and
 * read what reached whom.
 */
abstract class RiskRoutingFixture {

    static final String PAGER_SECRET = "pager-shared-secret";
    static final String ON_CALL_EMAIL = "on-call-by-mail@clinic.example";
    static final Duration TENANT_ESCALATION = Duration.ofMinutes(10);

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
        }
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
    @Autowired
    TenantSafetyDirectory safety;
    @Autowired
    MeterRegistry meters;

    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();
    final String therapistEmail = therapist + "@clinic.example";

    abstract WebhookReceiver pager();

    /** A tenant with safety settings, one per test class; its webhook secret (in the class's properties) signs pages. */
    abstract String pagedTenant();

    void onCallSettings(String tenant) {
        publish(tenant, new TenantSafetySettingsUpdated(tenant, 1, List.of(
                new TenantSafetySettingsUpdated.OnCallContact("Dr Pager", null, "+44 20 7946 0000", pager().url("/page")),
                new TenantSafetySettingsUpdated.OnCallContact("Dr Mail", ON_CALL_EMAIL, null, null)),
                List.of(), TENANT_ESCALATION.toString(), clock.instant()));
        await().atMost(Duration.ofSeconds(30)).until(() -> safety.of(tenant).isPresent());
    }

    void assign(String tenant) {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    void contact(String tenant) throws Exception {
        mvc.perform(put("/therapists/{t}/contact", therapist).header("Authorization", TestTokens.therapist(tenant, therapist))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"email\":\"" + therapistEmail + "\"}"))
                .andExpect(status().isOk());
    }

    String raise(String tenant, String therapistId, String kind, String priority) {
        String flag = "flag-" + UUID.randomUUID();
        publishFlag(tenant, new RiskFlagRaised(flag, client, therapistId, kind, priority, List.of("PHQ-9 item 9 = 1"),
                clock.instant()));
        return flag;
    }

    /**
     * As analytics publishes a flag; one without a therapist carries {@code "therapistId": null}, as the contract's
     * schema (which requires the field) wants it, where the shared event JSON would leave the null out.
     */
    void publishFlag(String tenant, RiskFlagRaised flag) {
        if (flag.therapistId() != null) {
            publish(tenant, flag);
            return;
        }
        ObjectNode data = (ObjectNode) json.readTree(json.write(flag));
        data.putNull("therapistId");
        KafkaTestClient.shared().send(topics.of(EventType.RISK_FLAG_RAISED.topic()), flag.clientId(),
                TestEvents.headers(EventType.RISK_FLAG_RAISED, tenant, flag.clientId()),
                data.toString().getBytes(StandardCharsets.UTF_8));
    }

    void publish(String tenant, EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    void awaitReminder(String tenant, ReminderKind kind, String about) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reminderOf(tenant, kind, about) != null);
    }

    Reminder reminderOf(String tenant, ReminderKind kind, String about) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and("kind").is(kind)
                .and("occurrenceId").is(about)), Reminder.class);
    }

    /** Dispatches until nothing more is due now (a failure that sends a flag to on-call makes more due). */
    void dispatchAllDue() {
        while (dispatcher.dispatchDue() > 0) {
            // keep going
        }
    }

    List<WebhookReceiver.Delivery> pagesAbout(String flag) {
        return pager().deliveries().stream().filter(d -> d.body().contains(flag)).toList();
    }

    double riskDeliveryFailures(String kind, String channel, String reason) {
        return meters.counter("steady.reminders.risk.delivery.failed", "kind", kind, "channel", channel, "reason", reason)
                .count();
    }

    double routed(String priority, String route, String reason) {
        return meters.counter("steady.reminders.flags.routed", "priority", priority, "route", route, "reason", reason)
                .count();
    }
}
