package app.steady.reminders.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventData;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.HomeworkCompleted;
import app.steady.events.homework.Occurrence;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.outbox.AggregateStore;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.channels.ChannelProperties;
import app.steady.reminders.channels.ReminderChannel;
import app.steady.reminders.channels.RiskDeliveryFailures;
import app.steady.platform.store.KeyedReads;
import app.steady.reminders.scheduling.DueReminders;
import app.steady.reminders.scheduling.DueRemindersRecovery;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderBook;
import app.steady.reminders.scheduling.ReminderProperties;
import app.steady.reminders.scheduling.ReminderStatus;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.MutableClock;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * Reminders from homework events to delivery, on the real broker and store with a clock the test moves and a real
 * webhook endpoint: cancellation racing dispatch, two dispatchers on one store, a dispatcher dying while holding a
 * claim, downtime catch-up within quiet hours, and the Kafka channel's events.
 */
@SteadyIntegrationTest(properties = {
        "steady.reminders.dispatch-interval=1h",
        "steady.reminders.follow-up-before-close=PT0S",
        "steady.reminders.channels.tenants.webhook-tenant.channel=WEBHOOK",
        "steady.reminders.channels.tenants.webhook-tenant.webhook-secret=provider-shared-secret"})
class ReminderDispatchIT {

    static final String WEBHOOK_TENANT = "webhook-tenant";
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final WebhookReceiver webhook = new WebhookReceiver("provider-shared-secret");

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.parse("2026-06-01T06:00:00Z"));
        }
    }

    @DynamicPropertySource
    static void webhookUrl(DynamicPropertyRegistry registry) {
        registry.add("steady.reminders.channels.tenants.webhook-tenant.webhook-url", webhook::url);
    }

    @AfterAll
    static void stopWebhook() {
        webhook.close();
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
    EventSchemas schemas;
    @Autowired
    CaseloadDirectory caseload;
    @Autowired
    AggregateStore store;
    @Autowired
    ClientBoundaries boundaries;
    @Autowired
    List<ReminderChannel> channels;
    @Autowired
    ChannelProperties channelProperties;
    @Autowired
    ReminderProperties properties;
    @Autowired
    ReminderBook book;
    @Autowired
    RiskDeliveryFailures riskFailures;
    @Autowired
    DueReminders due;
    @Autowired
    KeyedReads keyedReads;
    @Autowired
    ClientSends clientSends;
    @Autowired
    DueRemindersRecovery dueRecovery;

    final String client = "client-" + UUID.randomUUID();
    final String assignment = "assignment-" + UUID.randomUUID();

    @BeforeEach
    void start() {
        clock.set(Instant.parse("2026-06-01T06:00:00Z"));
    }

    @Test
    void anOccurrenceCompletedJustBeforeItsReminderIsNotRemindedAndTheOtherIsDeliveredSigned() throws Exception {
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T09:00", "2026-06-01T20:00");
        awaitReminders(WEBHOOK_TENANT, 2);
        clock.set(local("2026-06-01T08:44:59"));
        publish(WEBHOOK_TENANT, new HomeworkCompleted(assignment, client, "2026-06-01T09:00", "RELAXATION",
                local("2026-06-01T09:00"), clock.instant(), false, 4, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> statusOf(WEBHOOK_TENANT, "2026-06-01T09:00") == ReminderStatus.CANCELLED);

        clock.set(local("2026-06-01T19:45"));
        dispatcher.dispatchDue();

        List<WebhookReceiver.Delivery> ours = deliveriesFor(WEBHOOK_TENANT);
        assertThat(ours).singleElement().satisfies(delivery -> {
            assertThat(delivery.signatureValid()).isTrue();
            assertThat(delivery.body()).contains("2026-06-01T19:00:00Z");
        });
        assertThat(statusOf(WEBHOOK_TENANT, "2026-06-01T20:00")).isEqualTo(ReminderStatus.SENT);
        mvc.perform(get("/clients/{c}/reminders", client).header("Authorization", TestTokens.client(WEBHOOK_TENANT, client)))
                .andExpect(status().isOk());
    }

    @Test
    void twoDispatchersOnOneStoreDeliverEveryReminderExactlyOnce() throws Exception {
        List<String> times = new ArrayList<>();
        for (int minute = 0; minute < 30; minute++) {
            times.add("2026-06-01T10:%02d".formatted(minute));
        }
        setBoundaries(WEBHOOK_TENANT, "{\"timeZone\":\"Europe/London\",\"maxPerDay\":50}");
        homeworkAssigned(WEBHOOK_TENANT, times.toArray(String[]::new));
        awaitReminders(WEBHOOK_TENANT, 30);
        clock.set(local("2026-06-01T10:30"));
        Dispatcher second = anotherInstance("second-instance");

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(dispatcher::dispatchDue);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(second::dispatchDue);
        assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(30);

        List<WebhookReceiver.Delivery> ours = deliveriesFor(WEBHOOK_TENANT);
        assertThat(ours).hasSize(30);
        assertThat(new HashSet<>(ours.stream().map(WebhookReceiver.Delivery::idempotencyKey).toList())).hasSize(30);
    }

    @Test
    void theDailyCapStopsRemindersBeyondTheClientsMaximum() {
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T13:00", "2026-06-01T13:10", "2026-06-01T13:20", "2026-06-01T13:30",
                "2026-06-01T13:40", "2026-06-01T13:50", "2026-06-01T14:00", "2026-06-01T14:10");
        awaitReminders(WEBHOOK_TENANT, 8);
        clock.set(local("2026-06-01T14:00"));
        dispatcher.dispatchDue();
        assertThat(deliveriesFor(WEBHOOK_TENANT)).hasSize(6);
        assertThat(reminder(WEBHOOK_TENANT, "2026-06-01T14:10").suppressedBecause())
                .isEqualTo(app.steady.reminders.planning.SuppressionReason.DAILY_CAP);
    }

    @Test
    void aReminderHeldByADeadInstanceIsFinishedByAnotherWithTheSameKey() throws Exception {
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T11:00");
        awaitReminders(WEBHOOK_TENANT, 1);
        clock.set(local("2026-06-01T10:45"));
        Dispatcher dying = anotherInstance("dying-instance");
        Reminder claimed = dying.claimNext().orElseThrow(); // claims, then "dies" before sending

        dispatcher.dispatchDue();
        assertThat(deliveriesFor(WEBHOOK_TENANT)).as("the claim is still leased").isEmpty();

        clock.advance(properties.lease().plusSeconds(1));
        dispatcher.dispatchDue();

        assertThat(deliveriesFor(WEBHOOK_TENANT)).singleElement()
                .satisfies(d -> assertThat(d.idempotencyKey()).isEqualTo(claimed.idempotencyKey()));
        assertThat(statusOf(WEBHOOK_TENANT, "2026-06-01T11:00")).isEqualTo(ReminderStatus.SENT);
    }

    @Test
    void afterDowntimeOverdueRemindersWaitForTheEndOfQuietHoursOrAreSuppressed() throws Exception {
        setBoundaries(WEBHOOK_TENANT, "{\"timeZone\":\"Europe/London\",\"quietStart\":\"22:00\",\"quietEnd\":\"07:00\"}");
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T21:30", "2026-06-01T21:50");
        awaitReminders(WEBHOOK_TENANT, 2);

        clock.set(local("2026-06-01T23:30")); // back up at night: both reminders overdue
        dispatcher.dispatchDue();

        assertThat(deliveriesFor(WEBHOOK_TENANT)).as("nothing at night").isEmpty();
        // 21:30 closes at 09:30 next morning (window PT12H): deferred to 07:00; 21:50's window closes at 23:50 before then.
        Reminder deferred = reminder(WEBHOOK_TENANT, "2026-06-01T21:30");
        assertThat(deferred.status()).isEqualTo(ReminderStatus.SCHEDULED);
        assertThat(LocalDateTime.ofInstant(deferred.sendAt(), LONDON)).isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));
        assertThat(statusOf(WEBHOOK_TENANT, "2026-06-01T21:50")).isIn(ReminderStatus.SUPPRESSED);
    }

    @Test
    void changingBoundariesReplansPendingReminders() throws Exception {
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T23:30");
        awaitReminders(WEBHOOK_TENANT, 1);
        assertThat(LocalDateTime.ofInstant(reminder(WEBHOOK_TENANT, "2026-06-01T23:30").sendAt(), LONDON))
                .isEqualTo(LocalDateTime.parse("2026-06-01T23:15"));

        setBoundaries(WEBHOOK_TENANT, "{\"timeZone\":\"Europe/London\",\"quietStart\":\"23:00\",\"quietEnd\":\"07:00\"}");

        assertThat(LocalDateTime.ofInstant(reminder(WEBHOOK_TENANT, "2026-06-01T23:30").sendAt(), LONDON))
                .as("moved to the end of the new quiet hours, the window being open until 11:30")
                .isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));
    }

    /**
     * The dispatcher finds due reminders only through the due index (issue 17). A reminder that has no entry there
     * (restored by hand, say) is not sent, until the safety net files it and counts it.
     */
    @Test
    void aDueReminderWithoutAnEntryIsFoundByTheSafetyNetOnly() {
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T15:00");
        awaitReminders(WEBHOOK_TENANT, 1);
        String id = reminder(WEBHOOK_TENANT, "2026-06-01T15:00").id();
        due.forget(due.dueBy(Instant.parse("2026-06-09T00:00:00Z"), 100_000, other -> !other.equals(id)));
        clock.set(local("2026-06-01T15:10"));   // due at 14:45: overdue by 25 minutes

        dispatcher.dispatchDue();
        assertThat(deliveriesFor(WEBHOOK_TENANT)).as("not in the due index").isEmpty();

        assertThat(dueRecovery.refileOverdue()).isGreaterThanOrEqualTo(1);
        dispatcher.dispatchDue();
        assertThat(deliveriesFor(WEBHOOK_TENANT)).hasSize(1);
        assertThat(statusOf(WEBHOOK_TENANT, "2026-06-01T15:00")).isEqualTo(ReminderStatus.SENT);
    }

    /** Quiet hours lifted: the reminder they had put off to the morning goes out at its own time, found there. */
    @Test
    void aReminderBroughtForwardByNewBoundariesGoesOutAtItsNewTime() throws Exception {
        setBoundaries(WEBHOOK_TENANT, "{\"timeZone\":\"Europe/London\",\"quietStart\":\"23:00\",\"quietEnd\":\"07:00\"}");
        homeworkAssigned(WEBHOOK_TENANT, "2026-06-01T23:40");
        awaitReminders(WEBHOOK_TENANT, 1);
        assertThat(LocalDateTime.ofInstant(reminder(WEBHOOK_TENANT, "2026-06-01T23:40").sendAt(), LONDON))
                .isEqualTo(LocalDateTime.parse("2026-06-02T07:00"));

        setBoundaries(WEBHOOK_TENANT, "{\"timeZone\":\"Europe/London\"}");
        clock.set(local("2026-06-01T23:26"));
        dispatcher.dispatchDue();

        assertThat(deliveriesFor(WEBHOOK_TENANT)).as("sent at 23:25, not the next morning").hasSize(1);
        assertThat(statusOf(WEBHOOK_TENANT, "2026-06-01T23:40")).isEqualTo(ReminderStatus.SENT);
    }

    @Test
    void theKafkaChannelPublishesAReminderDueEventWithTheSentState() {
        String tenant = "kafka-tenant-" + UUID.randomUUID();
        homeworkAssigned(tenant, "2026-06-01T12:00");
        awaitReminders(tenant, 1);
        clock.set(local("2026-06-01T11:45"));
        dispatcher.dispatchDue();

        List<ConsumerRecord<String, byte[]>> events = KafkaTestClient.shared().readUntil(topics.of(Topic.REMINDERS),
                        Duration.ofSeconds(30), records -> ofTenant(records, tenant).size() >= 2);
        List<ConsumerRecord<String, byte[]>> ours = ofTenant(events, tenant);
        assertThat(ours).extracting(r -> KafkaTestClient.header(r, CloudEventHeaders.TYPE))
                .containsExactly(EventType.REMINDER_DUE.type(), EventType.REMINDER_SENT.type());
        for (ConsumerRecord<String, byte[]> record : ours) {
            EventType type = EventType.ofType(KafkaTestClient.header(record, CloudEventHeaders.TYPE)).orElseThrow();
            assertThat(schemas.violations(type, json.readTree(record.value()))).as(type.type()).isEmpty();
        }
    }

    private void setBoundaries(String tenant, String settings) throws Exception {
        TestCaseload.assign(topics, json, caseload, tenant, client, "therapist-1");
        mvc.perform(put("/clients/{c}/reminder-settings", client).header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON).content(settings))
                .andExpect(status().isOk());
    }

    private Dispatcher anotherInstance(String instanceId) {
        return new Dispatcher(instanceId, mongo, store, boundaries, channels, channelProperties, properties,
                new SimpleMeterRegistry(), clock, book, riskFailures, due, keyedReads, clientSends);
    }

    private void homeworkAssigned(String tenant, String... localTimes) {
        List<Occurrence> occurrences = new ArrayList<>();
        for (String time : localTimes) {
            Instant due = local(time);
            occurrences.add(new Occurrence(time, due, LocalDateTime.parse(time), due.plus(Duration.ofHours(12).minusMinutes(
                    time.endsWith("21:50") ? 660 : 0))));
        }
        publish(tenant, new HomeworkAssigned(assignment, client, "therapist-1", null, "RELAXATION", "Europe/London", 1,
                occurrences, clock.instant()));
    }

    private void publish(String tenant, EventData data) {
        TestEvents.publish(topics, json, tenant, data);
    }

    private void awaitReminders(String tenant, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.count(Query.query(Criteria.where("tenantId").is(tenant)
                .and("assignmentId").is(assignment)), Reminder.class) >= count);
    }

    private Reminder reminder(String tenant, String occurrenceId) {
        return mongo.findOne(Query.query(Criteria.where("tenantId").is(tenant).and("assignmentId").is(assignment)
                .and("occurrenceId").is(occurrenceId)), Reminder.class);
    }

    private ReminderStatus statusOf(String tenant, String occurrenceId) {
        Reminder reminder = reminder(tenant, occurrenceId);
        return reminder == null ? null : reminder.status();
    }

    private List<WebhookReceiver.Delivery> deliveriesFor(String tenant) {
        return webhook.deliveries().stream().filter(d -> d.body().contains(client)).toList();
    }

    private List<ConsumerRecord<String, byte[]>> ofTenant(List<ConsumerRecord<String, byte[]>> records, String tenant) {
        return records.stream().filter(r -> tenant.equals(KafkaTestClient.header(r, CloudEventHeaders.TENANT)))
                .filter(KafkaTestClient::isBusinessEvent).toList();
    }

    private static Instant local(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }
}
