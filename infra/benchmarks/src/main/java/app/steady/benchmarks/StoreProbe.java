package app.steady.benchmarks;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * What bounds every figure below on this machine: how the embedded MongoDB-wire server executes the two kinds of
 * write Steady makes. A replace by {@code _id} uses the _id index; a replace by {@code _id} and {@code version} (every
 * optimistic-locking write: aggregates, projections, reminders) scans the collection there, where real MongoDB uses
 * the _id index for both. The server also ignores secondary indexes.
 */
final class StoreProbe {

    private StoreProbe() {
    }

    static void run(BenchmarkStack stack, Report report) {
        report.section("0. The embedded store");
        report.line("| documents in the collection | 500 replaces by _id (ms) | 500 replaces by _id + version (ms) |");
        report.line("|---|---|---|");
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            MongoCollection<Document> collection = mongo.getDatabase("bench-store-probe").getCollection("documents");
            int stored = 0;
            for (int size : new int[] {1_000, 10_000, 50_000}) {
                List<Document> more = new ArrayList<>();
                for (int i = stored; i < size; i++) {
                    more.add(new Document("_id", "d:" + i).append("version", 0L).append("value", i));
                }
                collection.insertMany(more);
                stored = size;
                report.line("| " + size + " | " + Report.format(replaceMillis(collection, size, false)) + " | "
                        + Report.format(replaceMillis(collection, size, true)) + " |");
            }
        }
    }

    private static double replaceMillis(MongoCollection<Document> collection, int size, boolean withVersion) {
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            String id = "d:" + (i * 37 % size);
            Document filter = withVersion ? new Document("_id", id).append("version", 0L) : new Document("_id", id);
            writes.add(new ReplaceOneModel<>(filter, new Document("_id", id).append("version", 0L).append("value", -i)));
        }
        long started = System.nanoTime();
        collection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        return (System.nanoTime() - started) / 1e6;
    }
}
