package app.steady.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What bounds every figure below on this machine: how the store executes each hot filter shape Steady sends, at
 * 1,000, 10,000 and 100,000 documents in the collection (issue 17). On the embedded MongoDB-wire server a lookup is
 * served from an index only when a unique index has exactly the filter's keys; without one, a version-checked write
 * ({@code {_id, version}}: every aggregate update, every relay clear) reads the whole collection. The embedded profile
 * ({@code EmbeddedStoreIndexes}) declares the unique {@code (_id, version)} index that makes it cost the same at any
 * size, and likewise the other exact-key shapes; {@code $in} and non-unique lookups are replaced by reads by id
 * ({@code KeyedReads}, {@code IdLists}). Each shape's cost per operation should stay flat (largest over smallest at
 * most 1.5); the shapes they replace are measured too, to show what each change removes.
 */
final class StoreProbe {

    static final int[] SIZES = {1_000, 10_000, 100_000};
    static final double FLAT = 1.5;

    private StoreProbe() {
    }

    /** One filter shape: how to run it once against the document with this index. */
    private interface Shape {
        void run(MongoCollection<Document> collection, String id);
    }

    static void run(BenchmarkStack stack, Report report) {
        report.section("0. The store: cost per operation of each hot filter shape");
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("find by `{_id}` (relay: a document on its work list)", (c, id) ->
                c.find(new Document("_id", id)).projection(new Document("_outbox", 1).append("version", 1)).first());
        shapes.put("update by `{_id}` (relay: pull published events)", (c, id) ->
                c.updateOne(new Document("_id", id), new Document("$set", new Document("value", -1))));
        shapes.put("version-checked update `{_id, version}` (aggregates, relay clear), profile index", (c, id) ->
                c.updateOne(new Document("_id", id).append("version", 0L), new Document("$set", new Document("value", -2))));
        shapes.put("natural-key find `{_id, tenantId, clientId}` (a client's item), profile index", (c, id) ->
                c.find(new Document("_id", id).append("tenantId", "t").append("clientId", "c" + id)).first());
        shapes.put("rate-limit upsert by `{_id}` returning the count", (c, id) ->
                c.findOneAndUpdate(new Document("_id", "w:" + id), new Document("$inc", new Document("count", 1)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER)));
        shapes.put("keyed read of 200 documents, one `{_id}` each (`KeyedReads`: a caseload of 200, a batch's "
                + "clients), per document", (c, id) -> {
            int start = Integer.parseInt(id.substring(2));
            for (int i = 0; i < 200; i++) {
                c.find(new Document("_id", "d:" + ((start + i * 31L) % StoreProbe.currentSize))).first();
            }
        });
        String unprofiled = "version-checked update `{_id, version}` **without** the profile index (before issue 17)";
        String inBefore = "`{_id: {$in: [200 ids]}}` (before `KeyedReads`), per document";
        String byTherapist = "`{tenantId, therapistId}` (a therapist's clients, before the lists), per client of a "
                + "caseload of 200";
        String dueBefore = "due reminders: `{$or: [{status, sendAt: {$lte}}, {status, leaseUntil: {$lt}}]}` limit 200 "
                + "(the claim before the due index), per reminder of a batch";
        String dueFile = "due index: file an entry (head `$inc` returning, slot `$push`, head confirm), with as many "
                + "entries pending";
        String dueRead = "due index: the heads up to now and one slot of 500 entries, per entry";

        Map<String, List<Double>> costs = new LinkedHashMap<>();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            var database = mongo.getDatabase("bench-store-probe-" + System.currentTimeMillis());
            MongoCollection<Document> profiled = database.getCollection("profiled");
            profiled.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
            profiled.createIndex(new Document("_id", 1).append("tenantId", 1).append("clientId", 1),
                    new IndexOptions().unique(true));
            MongoCollection<Document> plain = database.getCollection("plain");
            int stored = 0;
            for (int size : SIZES) {
                fill(profiled, stored, size);
                fill(plain, stored, size);
                stored = size;
                StoreProbe.currentSize = size;
                for (Map.Entry<String, Shape> shape : shapes.entrySet()) {
                    boolean batch = shape.getKey().startsWith("keyed read");
                    costs.computeIfAbsent(shape.getKey(), k -> new ArrayList<>())
                            .add(millisPerOperation(profiled, size, batch ? 10 : 500, shape.getValue()) / (batch ? 200 : 1));
                }
                costs.computeIfAbsent(inBefore, k -> new ArrayList<>()).add(millisPerOperation(plain, size, 3, (c, id) -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < 200; i++) {
                        ids.add("d:" + ((Integer.parseInt(id.substring(2)) + i * 31L) % size));
                    }
                    c.find(new Document("_id", new Document("$in", ids))).into(new ArrayList<>());
                }) / 200);
                costs.computeIfAbsent(byTherapist, k -> new ArrayList<>()).add(millisPerOperation(plain, size, 3, (c, id) ->
                        c.find(new Document("tenantId", "t").append("therapistId", "th:" + (Integer.parseInt(id.substring(2)) % 500)))
                                .into(new ArrayList<>())) / 200);
                costs.computeIfAbsent(dueBefore, k -> new ArrayList<>()).add(millisPerOperation(plain, size, 3, (c, id) ->
                        c.find(new Document("$or", List.of(
                                new Document("status", "SCHEDULED").append("sendAt", new Document("$lte", new Date(0))),
                                new Document("status", "CLAIMED").append("leaseUntil", new Document("$lt", new Date(0))))))
                                .limit(200).into(new ArrayList<>())) / 200);
                DueIndexProbe due = new DueIndexProbe(database, size);
                costs.computeIfAbsent(dueFile, k -> new ArrayList<>()).add(millisPerOperation(plain, size, 500,
                        (c, id) -> due.file(id)));
                costs.computeIfAbsent(dueRead, k -> new ArrayList<>()).add(millisPerOperation(plain, size, 20,
                        (c, id) -> due.readSlot(id)) / DueIndexProbe.SLOT);
                // A scan each: fewer of them, or the largest size alone would take many minutes.
                costs.computeIfAbsent(unprofiled, k -> new ArrayList<>())
                        .add(millisPerOperation(plain, size, 5, shapes.get(
                                "version-checked update `{_id, version}` (aggregates, relay clear), profile index")));
            }
            database.drop();
        }
        report.line("| shape | ms per operation at 1,000 | at 10,000 | at 100,000 | largest / smallest | flat (≤ "
                + FLAT + ") |");
        report.line("|---|---|---|---|---|---|");
        costs.forEach((shape, perSize) -> {
            double ratio = perSize.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    / perSize.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
            report.line("| " + shape + " | " + Report.format(perSize.get(0)) + " | " + Report.format(perSize.get(1))
                    + " | " + Report.format(perSize.get(2)) + " | " + Report.format(ratio) + " | "
                    + (ratio <= FLAT ? "yes" : "no") + " |");
        });
    }

    /**
     * The due index's documents as reminders-service writes them ({@code DueReminders}): {@code size} entries pending,
     * 500 per slot, one minute per slot.
     */
    private static final class DueIndexProbe {

        static final int SLOT = 500;
        private final MongoCollection<Document> minutes;
        private final MongoCollection<Document> slots;
        private final int filledMinutes;

        DueIndexProbe(MongoDatabase database, int size) {
            minutes = database.getCollection("due_minutes_" + size);
            slots = database.getCollection("due_slots_" + size);
            filledMinutes = size / SLOT;
            for (int minute = 0; minute < filledMinutes; minute++) {
                List<Document> entries = new ArrayList<>();
                for (int i = 0; i < SLOT; i++) {
                    entries.add(new Document("id", "t:c" + (minute * SLOT + i) + ":a:o:HOMEWORK").append("at", new Date(minute * 60_000L)));
                }
                minutes.insertOne(new Document("_id", minuteKey(minute)).append("generation", "g").append("filed", SLOT)
                        .append("confirmed", SLOT).append("slots", 1));
                slots.insertOne(new Document("_id", minuteKey(minute) + "/g/0").append("entries", entries));
            }
        }

        private static String minuteKey(int minute) {
            return Instant.ofEpochSecond(minute * 60L).toString();
        }

        /** Filing into a minute of its own (far ahead), as planning does. */
        void file(String id) {
            String minute = minuteKey(1_000_000 + Integer.parseInt(id.substring(2)) % 1_000);
            Document head = minutes.findOneAndUpdate(new Document("_id", minute),
                    new Document("$inc", new Document("filed", 1)).append("$setOnInsert", new Document("generation", "g")),
                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
            long slot = (((Number) head.get("filed")).longValue() - 1) / SLOT;
            slots.updateOne(new Document("_id", minute + "/g/" + slot),
                    new Document("$push", new Document("entries", new Document("id", id).append("at", new Date()))),
                    new UpdateOptions().upsert(true));
            minutes.updateOne(new Document("_id", minute), new Document("$inc", new Document("confirmed", 1))
                    .append("$max", new Document("slots", slot + 1)));
        }

        /** What the dispatcher reads for a batch: the heads due by now (the first minutes here), and a slot. */
        void readSlot(String id) {
            minutes.find(new Document("_id", new Document("$lte", minuteKey(10)))).into(new ArrayList<>());
            slots.find(new Document("_id", minuteKey(Integer.parseInt(id.substring(2)) % filledMinutes) + "/g/0")).first();
        }
    }

    private static final String PADDING = "x".repeat(400);
    /** The collection's size in the current step (the keyed read spreads its 200 ids over it). */
    private static volatile int currentSize = 1;

    private static void fill(MongoCollection<Document> collection, int from, int to) {
        List<Document> batch = new ArrayList<>();
        for (int i = from; i < to; i++) {
            // Padded like a small client record, with a therapist per 200 clients of one tenant.
            batch.add(new Document("_id", "d:" + i).append("version", 0L).append("value", i).append("tenantId", "t")
                    .append("clientId", "cd:" + i).append("therapistId", "th:" + (i % 500))
                    .append("padding", PADDING));
            if (batch.size() == 5_000) {
                collection.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            collection.insertMany(batch);
        }
    }

    /** The median of five timed passes of {@code operations} operations on documents spread over the collection. */
    private static double millisPerOperation(MongoCollection<Document> collection, int size, int operations, Shape shape) {
        for (int i = 0; i < Math.min(50, operations); i++) {   // warm the path (JIT, connection) before timing
            shape.run(collection, "d:" + (i * 7919 % size));
        }
        List<Double> passes = new ArrayList<>();
        for (int pass = 0; pass < 5; pass++) {
            long started = System.nanoTime();
            for (int i = 0; i < operations; i++) {
                shape.run(collection, "d:" + ((long) (i + pass * operations) * 7919 % size));
            }
            passes.add((System.nanoTime() - started) / 1e6 / operations);
        }
        passes.sort(Double::compare);
        return passes.get(2);
    }
}
