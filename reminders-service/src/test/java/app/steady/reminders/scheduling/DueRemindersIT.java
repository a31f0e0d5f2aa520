package app.steady.reminders.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.testing.MutableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The due index (issue 17): entries are found when due and not before, a busy minute spreads over slots, a drained
 * minute is cleared but never while a filing is in progress, and a filing after the clearing is still found.
 */
class DueRemindersIT {

    static MongoServer mongoServer;
    static MongoClient mongoClient;

    final MongoTemplate mongo = new MongoTemplate(mongoClient, "due-" + UUID.randomUUID());
    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:30Z"));
    final DueReminders due = new DueReminders(mongo, clock);

    @BeforeAll
    static void startStore() {
        mongoServer = new MongoServer(new MemoryBackend());
        mongoClient = MongoClients.create("mongodb://127.0.0.1:" + mongoServer.bind().getPort());
    }

    @AfterAll
    static void stopStore() {
        mongoClient.close();
        mongoServer.shutdownNow();
    }

    @Test
    void anEntryIsDueAtItsTimeNotBeforeAndIsGoneOnceForgotten() {
        due.file("t:c:a:o1:HOMEWORK", Instant.parse("2026-06-01T08:05:10Z"));
        due.file("t:c:a:o2:HOMEWORK", Instant.parse("2026-06-01T08:05:50Z"));

        assertThat(due.dueBy(Instant.parse("2026-06-01T08:05:09Z"), 10, id -> false)).isEmpty();
        List<DueReminders.Entry> first = due.dueBy(Instant.parse("2026-06-01T08:05:10Z"), 10, id -> false);
        assertThat(first).extracting(DueReminders.Entry::reminderId).containsExactly("t:c:a:o1:HOMEWORK");

        due.forget(first);
        assertThat(due.dueBy(Instant.parse("2026-06-01T08:06:00Z"), 10, id -> false))
                .extracting(DueReminders.Entry::reminderId).containsExactly("t:c:a:o2:HOMEWORK");
        assertThat(due.dueBy(Instant.parse("2026-06-01T08:06:00Z"), 10, "t:c:a:o2:HOMEWORK"::equals))
                .as("skipped while held elsewhere").isEmpty();
    }

    @Test
    void anEntryForATimeThatPassedIsFiledUnderTheCurrentMinute() {
        due.file("t:c:a:late:HOMEWORK", Instant.parse("2026-05-31T23:00:00Z"));

        assertThat(mongo.findById("2026-06-01T08:00:00Z", Document.class, DueReminders.MINUTES)).isNotNull();
        assertThat(due.dueBy(clock.instant(), 10, id -> false)).singleElement()
                .satisfies(entry -> assertThat(entry.at()).isEqualTo(Instant.parse("2026-05-31T23:00:00Z")));
    }

    @Test
    void aBusyMinuteSpreadsOverSlotsOfAtMostFiveHundredAndEveryEntryIsFound() {
        Instant at = Instant.parse("2026-06-01T09:00:00Z");
        for (int i = 0; i < 1_201; i++) {
            due.file("t:c" + i + ":a:o:HOMEWORK", at);
        }

        Document head = mongo.findById("2026-06-01T09:00:00Z", Document.class, DueReminders.MINUTES);
        assertThat(((Number) head.get("slots")).intValue()).isEqualTo(3);
        List<Document> slots = mongo.findAll(Document.class, DueReminders.SLOTS);
        assertThat(slots).hasSize(3).allSatisfy(slot -> assertThat(slot.getList("entries", Document.class))
                .hasSizeLessThanOrEqualTo(DueReminders.SLOT_SIZE));
        List<DueReminders.Entry> found = due.dueBy(at, 5_000, id -> false);
        assertThat(new HashSet<>(found.stream().map(DueReminders.Entry::reminderId).toList())).hasSize(1_201);
    }

    @Test
    void aDrainedMinuteIsClearedAndAFilingAfterwardsIsStillFound() {
        Instant at = Instant.parse("2026-06-01T08:10:00Z");
        due.file("t:c:a:o:HOMEWORK", at);
        due.forget(due.dueBy(at, 10, id -> false));
        clock.set(at.plus(Duration.ofMinutes(3)));

        assertThat(due.clearDrainedMinutes()).isEqualTo(1);
        assertThat(due.isEmpty()).isTrue();
        assertThat(mongo.findAll(Document.class, DueReminders.SLOTS)).isEmpty();

        // An instance whose clock lags files into the cleared minute: a new head, a new generation, found.
        clock.set(at);
        due.file("t:c:a:o2:HOMEWORK", at);
        clock.set(at.plus(Duration.ofMinutes(3)));
        assertThat(due.dueBy(clock.instant(), 10, id -> false)).extracting(DueReminders.Entry::reminderId)
                .containsExactly("t:c:a:o2:HOMEWORK");
        assertThat(due.clearDrainedMinutes()).as("not drained").isZero();
    }

    @Test
    void aMinuteWithAFilingInProgressIsNotCleared() {
        Instant at = Instant.parse("2026-06-01T08:20:00Z");
        due.file("t:c:a:o:HOMEWORK", at);
        due.forget(due.dueBy(at, 10, id -> false));
        // A filer took a place (filed + 1) and has not written its entry yet.
        mongo.updateFirst(Query.query(Criteria.where("_id").is("2026-06-01T08:20:00Z")), new Update().inc("filed", 1),
                DueReminders.MINUTES);
        clock.set(at.plus(Duration.ofMinutes(3)));

        assertThat(due.clearDrainedMinutes()).isZero();
        assertThat(mongo.findById("2026-06-01T08:20:00Z", Document.class, DueReminders.MINUTES)).isNotNull();
    }

    @Test
    void erasureTakesOutTheClientsEntriesOnly() {
        Instant at = Instant.parse("2026-06-01T08:30:00Z");
        due.file("t:erased:a:o:HOMEWORK", at);
        due.file("t:erased:notification:f:RISK_FLAG", at.plusSeconds(3_600));
        due.file("t:erased-not:a:o:HOMEWORK", at);

        assertThat(due.erase("t", "erased")).singleElement()
                .satisfies(part -> assertThat(part.documents()).isEqualTo(2));   // two slot documents emptied of them
        assertThat(due.dueBy(at.plusSeconds(7_200), 10, id -> false)).extracting(DueReminders.Entry::reminderId)
                .containsExactly("t:erased-not:a:o:HOMEWORK");
        assertThat(due.erase("t", "erased").get(0).documents()).isZero();
    }
}
