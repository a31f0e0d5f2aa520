package app.steady.reminders.dispatch;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.events.EventData;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.store.KeyedReads;
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
import app.steady.reminders.scheduling.DueReminders;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
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
    private final DueReminders due;
    private final KeyedReads keyedReads;
    private final ClientSends clientSends;
    /** Reminders another instance holds under a lease, and until when: their entries are not read again till then. */
    private final Map<String, Instant> heldElsewhere = new ConcurrentHashMap<>();
    private volatile Instant lastClearing = Instant.MIN;

    public Dispatcher(String instanceId, MongoTemplate mongo, AggregateStore store, ClientBoundaries boundaries,
                      List<ReminderChannel> channels, ChannelProperties channelProperties, ReminderProperties properties,
                      MeterRegistry meters, Clock clock, ReminderBook book, RiskDeliveryFailures riskFailures,
                      DueReminders due, KeyedReads keyedReads, ClientSends clientSends) {
        this.instanceId = instanceId;
        this.due = due;
        this.keyedReads = keyedReads;
        this.clientSends = clientSends;
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
        List<Claim> claimed = claim(properties.dispatchBatch());
        if (claimed.isEmpty()) {
            clearDrainedMinutesNowAndThen();
            return 0;
        }
        SentToday sentToday = sentTodayBy(claimed.stream().map(Claim::reminder).toList());
        List<DueReminders.Entry> done = new ArrayList<>();
        try {
            for (int i = 0; i < claimed.size(); i++) {
                if (clock.instant().isAfter(stopStartingAt)) {
                    release(claimed.subList(i, claimed.size()));
                    return i;
                }
                Claim claim = claimed.get(i);
                if (handle(claim.reminder(), sentToday)) {
                    done.addAll(claim.entries());   // its outcome is recorded; a later send has its own entry
                }
            }
            return claimed.size();
        } finally {
            due.forget(done);   // in one round trip; if this instance dies first, the next pass forgets them
        }
    }

    /** Gives claims this instance will not deliver in time back at once (instead of after their lease). */
    private void release(List<Claim> unsent) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
        for (Claim claim : unsent) {
            bulk.updateOne(Query.query(where("_id").is(claim.reminder().id()).and("revision").is(claim.reminder().revision())),
                    new Update().set("status", ReminderStatus.SCHEDULED).unset("leaseUntil").unset("claimedBy")
                            .inc("attempts", -1).inc("revision", 1));
        }
        bulk.execute();   // their entries stay: they are due again at once
    }

    /** A claimed reminder, and the entries through which it was found (forgotten once its outcome is recorded). */
    private record Claim(Reminder reminder, List<DueReminders.Entry> entries) {
    }

    /**
     * Takes up to {@code limit} due reminders (or ones whose holder's lease ran out) under a lease for this instance.
     * They are found through their entries in {@link DueReminders} and read by id; each claim is a write conditional on
     * the revision just read (so two instances never hold the same reminder), all in one round trip, then read back
     * by id. Entries whose reminder no longer needs them are forgotten on the way.
     */
    private List<Claim> claim(int limit) {
        while (true) {
            Instant now = clock.instant();
            heldElsewhere.values().removeIf(until -> until.isBefore(now));
            List<DueReminders.Entry> entries = due.dueBy(now, limit, heldElsewhere::containsKey);
            if (entries.isEmpty()) {
                return List.of();
            }
            Map<String, List<DueReminders.Entry>> entriesById = entries.stream()
                    .collect(Collectors.groupingBy(DueReminders.Entry::reminderId, LinkedHashMap::new, Collectors.toList()));
            Map<String, Reminder> reminders = keyedReads.whereIn(mongo, "_id", entriesById.keySet(), Reminder.class,
                    "reminders").stream().collect(Collectors.toMap(Reminder::id, Function.identity()));
            List<Reminder> claimable = new ArrayList<>();
            List<DueReminders.Entry> stale = new ArrayList<>();
            entriesById.forEach((id, itsEntries) -> {
                Reminder reminder = reminders.get(id);
                if (reminder != null && isClaimable(reminder, now)) {
                    claimable.add(reminder);
                } else if (reminder != null && reminder.status() == ReminderStatus.CLAIMED) {
                    heldElsewhere.put(id, reminder.leaseUntil());   // its holder forgets the entry, or its lease ends
                } else if (reminder != null && reminder.status() == ReminderStatus.SCHEDULED && reminder.sendAt() != null) {
                    // Due later. In a later minute, the write that moved it filed it there (filed again here in case
                    // it was written by hand); later in this minute, its entry stays.
                    List<DueReminders.Entry> earlier = itsEntries.stream()
                            .filter(entry -> entry.isBeforeMinuteOf(reminder.sendAt())).toList();
                    if (!earlier.isEmpty()) {
                        due.file(id, reminder.sendAt());
                        stale.addAll(earlier);
                    }
                } else {
                    stale.addAll(itsEntries);   // sent, failed, cancelled, suppressed or erased
                }
            });
            due.forget(stale);
            if (!claimable.isEmpty()) {
                return claimAll(claimable, entriesById, now);
            }
            if (stale.isEmpty()) {
                return List.of();   // all held elsewhere or due later in the minute
            }
        }
    }

    private List<Claim> claimAll(List<Reminder> claimable, Map<String, List<DueReminders.Entry>> entriesById, Instant now) {
        Instant leaseUntil = now.plus(properties.lease());
        Update claim = new Update().set("status", ReminderStatus.CLAIMED).set("claimedBy", instanceId)
                .set("leaseUntil", leaseUntil).inc("attempts", 1).inc("revision", 1);
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Reminder.class);
        claimable.forEach(reminder -> bulk.updateOne(
                Query.query(where("_id").is(reminder.id()).and("revision").is(reminder.revision())), claim));
        List<Reminder> claimed;
        if (bulk.execute().getModifiedCount() == claimable.size()) {
            // Every conditional write matched: each reminder is now exactly what was read, plus the claim.
            claimable.forEach(reminder -> reminder.claimedBy(instanceId, leaseUntil));
            claimed = claimable;
        } else {
            // Some changed since they were read (another instance, a cancellation): ours are those this instance holds
            // at exactly the next revision.
            Map<String, Long> revisionRead = claimable.stream().collect(Collectors.toMap(Reminder::id, Reminder::revision));
            claimed = keyedReads.whereIn(mongo, "_id", revisionRead.keySet(), Reminder.class, "reminders").stream()
                    .filter(r -> instanceId.equals(r.claimedBy()) && r.status() == ReminderStatus.CLAIMED
                            && r.revision() == revisionRead.get(r.id()) + 1)
                    .toList();
        }
        return claimed.stream()
                .sorted(Comparator.comparing(Reminder::sendAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .map(r -> new Claim(r, entriesById.get(r.id())))
                .toList();
    }

    /** Takes the next due reminder. Visible for tests of an instance dying while holding claims. */
    public Optional<Reminder> claimNext() {
        return claim(1).stream().findFirst().map(Claim::reminder);
    }

    private static boolean isClaimable(Reminder reminder, Instant now) {
        return reminder.status() == ReminderStatus.SCHEDULED && reminder.sendAt() != null && !reminder.sendAt().isAfter(now)
                || reminder.status() == ReminderStatus.CLAIMED && reminder.leaseUntil() != null
                && reminder.leaseUntil().isBefore(now);
    }

    /** Deletes drained minutes of the due index about once a minute, when there is nothing to send. */
    private void clearDrainedMinutesNowAndThen() {
        Instant now = clock.instant();
        if (lastClearing != Instant.MIN && Duration.between(lastClearing, now).abs().compareTo(Duration.ofMinutes(1)) < 0) {
            return;
        }
        lastClearing = now;
        due.clearDrainedMinutes();
    }

    /** Delivers one claimed reminder or puts it off; returns whether its outcome was recorded. */
    private boolean handle(Reminder reminder, SentToday sentToday) {
        Instant now = clock.instant();
        // Clinical notifications go out when due; only the client's own reminders are bound by their boundaries.
        Decision decision = !reminder.kind().isForClient() ? Decision.sendAt(now)
                : ReminderPlanner.atDispatch(reminder.kind(), now, reminder.windowClosesAt(),
                boundaries.of(reminder.tenantId(), reminder.clientId(), ZoneId.of(reminder.timeZone())),
                sentToday.of(reminder, now));
        if (decision.isSuppressed() || decision.sendAt().isAfter(now)) {
            reminder.apply(decision);
            if (!decision.isSuppressed()) {
                due.file(reminder.id(), decision.sendAt());
            }
            count(reminder, "none", decision.isSuppressed() ? "suppressed" : "deferred");
            return save(reminder, List.of());
        }
        ChannelSettings settings = channelProperties.forTenant(reminder.tenantId());
        ReminderChannel channel = channels.get(channelFor(reminder.kind(), settings));
        try {
            List<EventData> channelEvents = channel.deliver(reminder, settings);
            if (!save(reminder, reminder.sent(channel.name(), now, channelEvents))) {
                return false;
            }
            sentToday.add(reminder, now);
            lateness.record(Duration.between(reminder.intendedAt(), now).abs());
            count(reminder, channel.name(), "sent");
            return true;
        } catch (Exception thrown) {
            return failed(reminder, channel, DeliveryFailure.of(thrown, channel.name()), now);
        }
    }

    private String channelFor(ReminderKind kind, ChannelSettings settings) {
        if (kind == ReminderKind.RISK_ESCALATION) {
            return "ON_CALL";
        }
        return kind.isForClient() ? settings.channel() : channelProperties.clinicianChannel();
    }

    /** A failed attempt: retried with back-off unless retrying cannot help; a risk flag failing for good goes to on-call. */
    private boolean failed(Reminder reminder, ReminderChannel channel, DeliveryFailure failure, Instant now) {
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
        if (retryAt != null) {
            due.file(reminder.id(), retryAt);
        }
        count(reminder, channel.name(), retryAt == null ? "failed" : "retrying");
        return save(reminder, reminder.failed(channel.name(), failure.getMessage(), now, retryAt));
    }

    /**
     * What the clients of a claimed batch were sent recently, read by id for the whole batch (not one count per
     * reminder), then kept up to date as the batch sends: the daily cap holds within a batch too.
     */
    private SentToday sentTodayBy(List<Reminder> claimed) {
        List<Reminder> forClients = claimed.stream().filter(r -> r.kind().isForClient()).toList();
        return new SentToday(forClients.isEmpty() ? Map.of() : clientSends.of(forClients));
    }

    /** Client reminders sent recently, counted per client and the client's local day. */
    private final class SentToday {

        private final Map<String, List<Instant>> sent = new HashMap<>();

        SentToday(Map<String, List<Instant>> recentlySent) {
            recentlySent.forEach((client, times) -> sent.put(client, new ArrayList<>(times)));
        }

        long of(Reminder reminder, Instant now) {
            ZoneId zone = ZoneId.of(reminder.timeZone());
            LocalDate today = now.atZone(zone).toLocalDate();
            return sent.getOrDefault(ClientSends.key(reminder.tenantId(), reminder.clientId()), List.of()).stream()
                    .filter(at -> at.atZone(zone).toLocalDate().equals(today)).count();
        }

        void add(Reminder reminder, Instant at) {
            if (reminder.kind().isForClient()) {
                clientSends.record(reminder.tenantId(), reminder.clientId(), at);
                sent.computeIfAbsent(ClientSends.key(reminder.tenantId(), reminder.clientId()), client -> new ArrayList<>())
                        .add(at);
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
