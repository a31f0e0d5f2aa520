package app.steady.reminders.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventData;
import app.steady.platform.outbox.AggregateStore;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.channels.ChannelProperties;
import app.steady.reminders.channels.ChannelSettings;
import app.steady.reminders.channels.DeliveryFailure;
import app.steady.reminders.channels.ReminderChannel;
import app.steady.reminders.channels.RiskDeliveryFailures;
import app.steady.reminders.planning.Decision;
import app.steady.reminders.planning.OnCallReason;
import app.steady.reminders.planning.ReminderKind;
import app.steady.reminders.planning.ReminderPlanner;
import app.steady.reminders.scheduling.Reminder;
import app.steady.reminders.scheduling.ReminderBook;
import app.steady.reminders.scheduling.ReminderProperties;
import app.steady.reminders.scheduling.ReminderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Claims due reminders one at a time, checks the boundaries, delivers through the tenant's channel (a risk flag for
 * on-call through the on-call channel), records the outcome. A risk flag the therapist could not be sent, after its
 * retries or at once when retrying cannot help, goes to on-call at once.
 */
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final String instanceId;
    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final ClientBoundaries boundaries;
    private final Map<String, ReminderChannel> channels;
    private final ChannelProperties channelProperties;
    private final ReminderProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;
    private final Timer lateness;
    private final ReminderBook book;
    private final RiskDeliveryFailures riskFailures;

    public Dispatcher(String instanceId, MongoTemplate mongo, AggregateStore store, ClientBoundaries boundaries,
                      List<ReminderChannel> channels, ChannelProperties channelProperties, ReminderProperties properties,
                      MeterRegistry meters, Clock clock, ReminderBook book, RiskDeliveryFailures riskFailures) {
        this.instanceId = instanceId;
        this.mongo = mongo;
        this.store = store;
        this.boundaries = boundaries;
        this.channels = channels.stream().collect(Collectors.toMap(ReminderChannel::name, Function.identity()));
        this.channelProperties = channelProperties;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        this.book = book;
        this.riskFailures = riskFailures;
        this.lateness = Timer.builder("steady.reminders.lateness")
                .description("From when a reminder was due to go out to when it went out")
                .publishPercentileHistogram()
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
                        Duration.ofMinutes(1), Duration.ofMinutes(5))
                .register(meters);
        registerAtZero();
    }

    /** The outcomes the reminders dashboard and the delivery-failure alert read exist before the first reminder. */
    private void registerAtZero() {
        for (ReminderKind kind : ReminderKind.values()) {
            for (String channel : channels.keySet()) {
                for (String outcome : List.of("sent", "failed", "retrying")) {
                    counter(kind, channel, outcome);
                }
            }
            counter(kind, "none", "suppressed");
            counter(kind, "none", "deferred");
        }
    }

    private Counter counter(ReminderKind kind, String channel, String outcome) {
        return meters.counter("steady.reminders.dispatched", "kind", kind.name(), "channel", channel, "outcome", outcome);
    }

    /** Sends what is due now, up to one batch; returns how many reminders were handled. */
    public int dispatchDue() {
        // Deliveries of a batch run one after another under one lease: stop starting new ones after a third of it,
        // so that the last delivery (a webhook waits at most 10 s; keep the lease above 30 s) ends before the lease
        // does and no other instance takes over a reminder this one is still delivering.
        Instant stopStartingAt = clock.instant().plus(properties.lease().dividedBy(3));
        List<Reminder> claimed = claimDue(properties.dispatchBatch());
        SentToday sentToday = sentTodayBy(claimed);
        for (int i = 0; i < claimed.size(); i++) {
            if (clock.instant().isAfter(stopStartingAt)) {
                release(claimed.subList(i, claimed.size()));
                return i;
            }
            handle(claimed.get(i), sentToday);
        }
        return claimed.size();
    }

    /** Gives claims this instance will not deliver in time back at once (instead of after their lease). */
    private void release(List<Reminder> unsent) {
        mongo.updateMulti(Query.query(where("_id").in(unsent.stream().map(Reminder::id).toList())
                        .and("status").is(ReminderStatus.CLAIMED).and("claimedBy").is(instanceId)),
                new Update().set("status", ReminderStatus.SCHEDULED).unset("leaseUntil").unset("claimRound")
                        .inc("attempts", -1).inc("revision", 1), Reminder.class);
    }

    /**
     * Takes up to {@code limit} due reminders (or ones whose holder's lease ran out) under a lease for this instance,
     * in three round trips whatever the number: find candidates, claim those still claimable (each document's
     * filter is re-checked atomically, so two instances never hold the same reminder), read back what this round got.
     */
    public List<Reminder> claimDue(int limit) {
        Instant now = clock.instant();
        Query candidates = Query.query(claimable(now)).with(Sort.by("sendAt")).limit(limit);
        candidates.fields().include("_id");
        List<String> ids = mongo.find(candidates, Reminder.class).stream().map(Reminder::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        String round = instanceId + ":" + UUID.randomUUID();
        Update claim = new Update().set("status", ReminderStatus.CLAIMED).set("claimedBy", instanceId)
                .set("claimRound", round).set("leaseUntil", now.plus(properties.lease())).inc("attempts", 1)
                .inc("revision", 1);
        mongo.updateMulti(Query.query(new Criteria().andOperator(where("_id").in(ids), claimable(now))), claim,
                Reminder.class);
        return mongo.find(Query.query(where("_id").in(ids).and("claimRound").is(round)).with(Sort.by("sendAt")),
                Reminder.class);
    }

    /** Takes the next due reminder. Visible for tests of an instance dying while holding claims. */
    public Optional<Reminder> claimNext() {
        return claimDue(1).stream().findFirst();
    }

    private static Criteria claimable(Instant now) {
        return new Criteria().orOperator(
                where("status").is(ReminderStatus.SCHEDULED).and("sendAt").lte(now),
                where("status").is(ReminderStatus.CLAIMED).and("leaseUntil").lt(now));
    }

    private void handle(Reminder reminder, SentToday sentToday) {
        Instant now = clock.instant();
        // Clinical notifications go out when due; only the client's own reminders are bound by their boundaries.
        Decision decision = !reminder.kind().isForClient() ? Decision.sendAt(now)
                : ReminderPlanner.atDispatch(reminder.kind(), now, reminder.windowClosesAt(),
                boundaries.of(reminder.tenantId(), reminder.clientId(), ZoneId.of(reminder.timeZone())),
                sentToday.of(reminder, now));
        if (decision.isSuppressed() || decision.sendAt().isAfter(now)) {
            reminder.apply(decision);
            save(reminder, List.of());
            count(reminder, "none", decision.isSuppressed() ? "suppressed" : "deferred");
            return;
        }
        ChannelSettings settings = channelProperties.forTenant(reminder.tenantId());
        ReminderChannel channel = channels.get(channelFor(reminder.kind(), settings));
        try {
            List<EventData> channelEvents = channel.deliver(reminder, settings);
            if (save(reminder, reminder.sent(channel.name(), now, channelEvents))) {
                sentToday.add(reminder, now);
                lateness.record(Duration.between(reminder.intendedAt(), now).abs());
                count(reminder, channel.name(), "sent");
            }
        } catch (Exception thrown) {
            failed(reminder, channel, DeliveryFailure.of(thrown, channel.name()), now);
        }
    }

    private String channelFor(ReminderKind kind, ChannelSettings settings) {
        if (kind == ReminderKind.RISK_ESCALATION) {
            return "ON_CALL";
        }
        return kind.isForClient() ? settings.channel() : channelProperties.clinicianChannel();
    }

    /** A failed attempt: retried with back-off unless retrying cannot help; a risk flag failing for good goes to on-call. */
    private void failed(Reminder reminder, ReminderChannel channel, DeliveryFailure failure, Instant now) {
        Instant retryAt = failure.retryable() && reminder.attempts() < properties.maxAttempts()
                ? now.plus(properties.retryBackoff().multipliedBy(1L << Math.min(reminder.attempts() - 1, 10)))
                : null;
        boolean risk = RiskDeliveryFailures.isRisk(reminder.kind());
        if (risk) {
            riskFailures.count(reminder.kind(), failure.channel(), failure.reason());
        }
        if (retryAt == null && reminder.kind() == ReminderKind.RISK_FLAG
                && book.sendToOnCallNow(reminder.tenantId(), reminder.clientId(), reminder.occurrenceId(), now,
                OnCallReason.DELIVERY_FAILED)) {
            log.warn("Risk flag {} could not be delivered to its therapist ({}): sent to on-call now",
                    reminder.occurrenceId(), failure.getMessage());
        }
        if (risk && retryAt == null) {
            log.error("Risk notification {} for {} FAILED after {} attempt(s) through {}: {}", reminder.kind(),
                    reminder.recipientId(), reminder.attempts(), failure.channel(), failure.getMessage());
        } else {
            log.warn("Reminder delivery through {} failed (attempt {}): {}", failure.channel(), reminder.attempts(),
                    failure.getMessage());
        }
        save(reminder, reminder.failed(channel.name(), failure.getMessage(), now, retryAt));
        count(reminder, channel.name(), retryAt == null ? "failed" : "retrying");
    }

    /**
     * What the clients of a claimed batch were sent recently, read in one query for the whole batch (not one count per
     * reminder), then kept up to date as the batch sends: the daily cap holds within a batch too.
     */
    private SentToday sentTodayBy(List<Reminder> claimed) {
        List<Reminder> forClients = claimed.stream().filter(r -> r.kind().isForClient()).toList();
        if (forClients.isEmpty()) {
            return new SentToday(List.of());
        }
        Instant now = clock.instant();
        Query recent = Query.query(where("tenantId").in(forClients.stream().map(Reminder::tenantId).distinct().toList())
                .and("clientId").in(forClients.stream().map(Reminder::clientId).distinct().toList())
                .and("status").is(ReminderStatus.SENT).and("sentAt").gte(now.minus(Duration.ofHours(50))));
        return new SentToday(mongo.find(recent, Reminder.class).stream()
                .filter(sent -> sent.recipientId().equals(sent.clientId())).toList());
    }

    /** Client reminders sent recently, counted per client and the client's local day. */
    private static final class SentToday {

        private final List<Sent> sent = new ArrayList<>();

        private record Sent(String tenantId, String clientId, Instant at) {
        }

        SentToday(List<Reminder> recentlySent) {
            recentlySent.forEach(reminder -> sent.add(new Sent(reminder.tenantId(), reminder.clientId(), reminder.sentAt())));
        }

        long of(Reminder reminder, Instant now) {
            ZoneId zone = ZoneId.of(reminder.timeZone());
            LocalDate today = now.atZone(zone).toLocalDate();
            return sent.stream().filter(s -> s.tenantId().equals(reminder.tenantId())
                    && s.clientId().equals(reminder.clientId()) && s.at().atZone(zone).toLocalDate().equals(today)).count();
        }

        void add(Reminder reminder, Instant at) {
            if (reminder.kind().isForClient()) {
                sent.add(new Sent(reminder.tenantId(), reminder.clientId(), at));
            }
        }
    }

    /** Records the outcome unless the reminder changed meanwhile (cancelled, or taken over after our lease ran out). */
    private boolean save(Reminder reminder, List<EventData> events) {
        try {
            store.update(reminder, reminder.tenantId(), events);
            return true;
        } catch (OptimisticLockingFailureException changedMeanwhile) {
            log.info("Reminder changed while being dispatched (cancelled or lease lost); leaving it as it is");
            return false;
        }
    }

    private void count(Reminder reminder, String channel, String outcome) {
        counter(reminder.kind(), channel, outcome).increment();
    }
}
