package app.steady.reminders.scheduling;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ErasedPart;
import java.util.Map;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the dispatcher finds what is due without a range query over every reminder ever planned (issue 17): an entry
 * per planned send, filed under its minute in slots of at most {@value #SLOT_SIZE}, every read and write by {@code _id}.
 *
 * <p>The reminders stay the truth; an entry only says "look at this reminder at this time". A write that makes a
 * reminder due (planning, re-planning, a retry, a deferral, on-call brought forward) files an entry <em>before</em> it
 * writes the reminder, so a reminder can be due without an entry only if it was written by hand. The dispatcher reads
 * each entry's reminder and forgets the entry once the reminder is sent, failed, cancelled, suppressed, gone, or due
 * in a later minute (where the write that moved it filed another); an entry of a reminder held under a lease stays
 * until the holder has recorded its outcome, so a holder that dies is replaced when its lease runs out.
 *
 * <p>A minute's head document ({@code due_minutes}) allocates slot places with one atomic increment ({@code filed})
 * and counts finished filings ({@code confirmed}). A drained minute is deleted only while the two are equal and
 * unchanged, so a filing in progress is never cut off; a filing after the deletion creates a new head with a new
 * generation, whose slots are new documents. The heads are one small document per minute with something pending.
 */
@Component
public class DueReminders implements ClientDataOwner {

    static final String MINUTES = "due_minutes";
    static final String SLOTS = "due_slots";
    /** Entries per slot document: small enough that rewriting one on every change stays cheap. */
    static final int SLOT_SIZE = 500;
    /** A minute is cleared only this long after it passed, so an instance whose clock lags still finds it. */
    private static final Duration CLEAR_AFTER = Duration.ofMinutes(2);

    private final MongoTemplate mongo;
    private final Clock clock;

    DueReminders(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** One entry: reminder {@code reminderId} is to be looked at {@code at}; it lives in slot {@code slotId}. */
    public record Entry(String slotId, String reminderId, Instant at) {

        /** Whether this entry is filed under a minute before the one {@code instant} falls in. */
        public boolean isBeforeMinuteOf(Instant instant) {
            return slotId.substring(0, slotId.indexOf('/')).compareTo(minuteOf(instant)) < 0;
        }
    }

    /** Files an entry for {@code reminderId} due at {@code at}, under its minute (or the current one, if it passed). */
    public void file(String reminderId, Instant at) {
        Instant now = clock.instant();
        String minute = minuteOf(at.isBefore(now) ? now : at);
        Document head = mongo.findAndModify(Query.query(where("_id").is(minute)),
                new Update().inc("filed", 1).setOnInsert("generation", UUID.randomUUID().toString()),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, MINUTES);
        long slot = (((Number) head.get("filed")).longValue() - 1) / SLOT_SIZE;
        mongo.upsert(Query.query(where("_id").is(slotId(minute, head.getString("generation"), slot))),
                new Update().push("entries", new Document("id", reminderId).append("at", Date.from(at))), SLOTS);
        mongo.updateFirst(Query.query(where("_id").is(minute)),
                new Update().inc("confirmed", 1).max("slots", slot + 1), MINUTES);
    }

    /**
     * Up to {@code limit} entries due by {@code now}, oldest minute first, leaving out reminders {@code skip} names
     * (held by another instance). Within a minute it starts at a random slot, so that instances spread over a burst.
     */
    public List<Entry> dueBy(Instant now, int limit, Predicate<String> skip) {
        List<Entry> due = new ArrayList<>();
        for (Document head : headsUpTo(minuteOf(now))) {
            int slots = slotsOf(head);
            int start = slots > 1 ? ThreadLocalRandom.current().nextInt(slots) : 0;
            for (int i = 0; i < slots; i++) {
                String slotId = slotId(head.getString("_id"), head.getString("generation"), (start + i) % slots);
                Document slot = mongo.findById(slotId, Document.class, SLOTS);
                for (Document entry : entriesOf(slot)) {
                    Instant at = entry.getDate("at").toInstant();
                    String reminderId = entry.getString("id");
                    if (!at.isAfter(now) && !skip.test(reminderId)) {
                        due.add(new Entry(slotId, reminderId, at));
                        if (due.size() >= limit) {
                            return due;
                        }
                    }
                }
            }
        }
        return due;
    }

    /** Forgets entries, in one round trip: each is taken out of its slot by its reminder id and time. */
    public void forget(Collection<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, SLOTS);
        for (Entry entry : entries) {
            bulk.updateOne(Query.query(where("_id").is(entry.slotId())), new Update().pull("entries",
                    new Document("id", entry.reminderId()).append("at", Date.from(entry.at()))));
        }
        bulk.execute();
    }

    /**
     * Deletes minutes that passed more than two minutes ago and have no entry left and no filing in progress; returns
     * how many.
     */
    public int clearDrainedMinutes() {
        String before = minuteOf(clock.instant().minus(CLEAR_AFTER));
        int cleared = 0;
        for (Document head : headsUpTo(before)) {
            if (head.getString("_id").equals(before) || !isSettled(head)) {
                continue;
            }
            List<String> slotIds = new ArrayList<>();
            boolean empty = true;
            for (int slot = 0; slot < slotsOf(head) && empty; slot++) {
                String slotId = slotId(head.getString("_id"), head.getString("generation"), slot);
                slotIds.add(slotId);
                empty = entriesOf(mongo.findById(slotId, Document.class, SLOTS)).isEmpty();
            }
            // Only if nobody filed meanwhile (filed and confirmed unchanged); later filings make a new generation.
            if (empty && mongo.remove(Query.query(where("_id").is(head.getString("_id"))
                    .and("filed").is(head.get("filed")).and("confirmed").is(head.get("confirmed"))), MINUTES)
                    .getDeletedCount() > 0) {
                slotIds.forEach(slotId -> mongo.remove(Query.query(where("_id").is(slotId)), SLOTS));
                cleared++;
            }
        }
        return cleared;
    }

    /** The reminders with an entry in a minute up to {@code now}'s: what the dispatcher will look at. */
    public Set<String> idsFiledUpTo(Instant now) {
        Set<String> ids = new HashSet<>();
        for (Document head : headsUpTo(minuteOf(now))) {
            for (int slot = 0; slot < slotsOf(head); slot++) {
                entriesOf(mongo.findById(slotId(head.getString("_id"), head.getString("generation"), slot),
                        Document.class, SLOTS)).forEach(entry -> ids.add(entry.getString("id")));
            }
        }
        return ids;
    }

    /** Whether nothing is filed at all: a store written before this index existed, or an idle one. */
    public boolean isEmpty() {
        return mongo.getCollection(MINUTES).estimatedDocumentCount() == 0;
    }

    /**
     * Takes the client's entries out of every slot: a reminder's id carries its tenant and client. Reads every slot
     * document: erasure is rare, and the slots hold only what is pending.
     */
    @Override
    public List<ErasedPart> erase(String tenantId, String clientId) {
        String prefix = Reminder.idPrefixOf(tenantId, clientId);
        return List.of(ErasedPart.documents(SLOTS, forgetWhere(id -> id.startsWith(prefix))));
    }

    /** Nothing of the client's: only when to look at their reminders, which are exported themselves. */
    @Override
    public Map<String, Object> export(String tenantId, String clientId) {
        return Map.of();
    }

    private long forgetWhere(Predicate<String> erased) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Document slot : mongo.findAll(Document.class, SLOTS)) {
            for (Document entry : entriesOf(slot)) {
                String reminderId = entry.getString("id");
                if (erased.test(reminderId) && seen.add(slot.getString("_id") + "\n" + reminderId + "\n" + entry.getDate("at"))) {
                    entries.add(new Entry(slot.getString("_id"), reminderId, entry.getDate("at").toInstant()));
                }
            }
        }
        forget(entries);
        return entries.stream().map(Entry::slotId).distinct().count();   // slot documents emptied of the client
    }

    private List<Document> headsUpTo(String minute) {
        // A range over the heads: one small document per minute with something pending (accepted in the scan check).
        return mongo.find(Query.query(where("_id").lte(minute)).with(Sort.by("_id")), Document.class, MINUTES);
    }

    private static boolean isSettled(Document head) {
        return head.get("filed") instanceof Number filed && head.get("confirmed") instanceof Number confirmed
                && filed.longValue() == confirmed.longValue();
    }

    private static int slotsOf(Document head) {
        Number slots = (Number) head.get("slots");
        return slots == null ? 0 : slots.intValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Document> entriesOf(Document slot) {
        return slot == null || slot.get("entries") == null ? List.of() : (List<Document>) slot.get("entries");
    }

    static String minuteOf(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static String slotId(String minute, String generation, long slot) {
        return minute + "/" + generation + "/" + slot;
    }
}
