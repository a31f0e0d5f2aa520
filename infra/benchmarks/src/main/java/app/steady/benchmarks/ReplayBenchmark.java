package app.steady.benchmarks;

import app.steady.local.ServiceProcess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 1: analytics-service rebuilding its projections from the topics, beside two baselines read from the same
 * topics on the same broker and store: the raw Kafka consumer, and a minimal hand-written "consume, bulk-upsert a
 * per-client projection" loop (counts per event type and the last event time per client, one unordered bulk write
 * per poll of 500 records, as the services poll).
 */
final class ReplayBenchmark {

    private final BenchmarkStack stack;
    private final Report report;
    private final Population population;
    private final int runs;
    private String lastAnalyticsDatabase;
    private String lastGroup;

    ReplayBenchmark(BenchmarkStack stack, Report report, Population population, int runs) {
        this.stack = stack;
        this.report = report;
        this.population = population;
        this.runs = runs;
    }

    /** The analytics database of the last run: the 100,000-client store the dashboard benchmark reads. */
    String analyticsDatabase() {
        return lastAnalyticsDatabase;
    }

    /** Its consumer group, caught up: an instance started in it has nothing left to read. */
    String analyticsGroup() {
        return lastGroup;
    }

    void run() throws Exception {
        report.section("1. Replay ingest (" + population.clients() + " clients)");
        Instant started = Instant.now();
        long events;
        try (EventPublisher publisher = new EventPublisher(stack)) {
            events = new Histories(population, Instant.now().minus(Duration.ofDays(30))).publish(publisher);
        }
        double publishSeconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
        report.line("Published " + events + " events onto " + BenchmarkStack.PARTITIONS + "-partition topics in "
                + Report.format(publishSeconds) + " s (" + Report.format(events / publishSeconds) + " events/s, acks=all).");
        List<String> topics = List.of(stack.topic("goals"), stack.topic("homework"));

        double[] raw = new double[runs];
        double[] loop = new double[runs];
        double[] checkedLoop = new double[runs];
        double[] service = new double[runs];
        for (int run = 0; run < runs; run++) {
            raw[run] = rawConsumer(topics, events);
            loop[run] = handWrittenLoop(topics, events, run, false);
            checkedLoop[run] = handWrittenLoop(topics, events, run, true);
            service[run] = analyticsService(topics, events, run);
            report.line("- run " + (run + 1) + ": raw consumer " + Report.format(raw[run]) + " events/s, hand-written loop "
                    + Report.format(loop[run]) + " events/s, the same with version-checked writes "
                    + Report.format(checkedLoop[run]) + " events/s, analytics-service " + Report.format(service[run]) + " events/s");
        }
        report.line("");
        report.line("| Reader | events/s (median of " + runs + ") |");
        report.line("|---|---|");
        report.line("| raw Kafka consumer | " + Report.format(Stats.median(raw)) + " |");
        report.line("| hand-written consume + bulk upsert | " + Report.format(Stats.median(loop)) + " |");
        report.line("| the same, each write checking the version it read (as every Steady projection write does) | "
                + Report.format(Stats.median(checkedLoop)) + " |");
        report.line("| analytics-service (full projections) | " + Report.format(Stats.median(service)) + " |");
    }

    private double rawConsumer(List<String> topics, long events) {
        try (KafkaConsumer<String, byte[]> consumer = consumer("bench-raw-" + UUID.randomUUID(), 2000)) {
            consumer.subscribe(topics);
            long read = 0;
            long first = 0;
            while (read < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (first == 0 && !records.isEmpty()) {
                    first = System.nanoTime();
                }
                read += records.count();
            }
            return events / ((System.nanoTime() - first) / 1e9);
        }
    }

    /**
     * @param versionChecked read the batch's documents, then replace each only if its version is still the one read
     *                       (what any projection with more than one writer needs) instead of a blind upsert
     */
    private double handWrittenLoop(List<String> topics, long events, int run, boolean versionChecked) {
        JsonMapper json = JsonMapper.builder().build();
        try (MongoClient mongo = MongoClients.create(stack.mongoUri());
             KafkaConsumer<String, byte[]> consumer = consumer("bench-loop-" + UUID.randomUUID(), 500)) {
            MongoCollection<Document> projection = mongo.getDatabase("bench-handloop-" + run + (versionChecked ? "-checked" : ""))
                    .getCollection("clients");
            if (versionChecked && stack.embeddedStore()) {
                // What analytics-service gets from the embedded-store index profile: a unique index of exactly the
                // version-checked filter's keys, which that server uses (without it every replace reads the whole
                // collection, and the loop would measure the scan rather than the best hand-written code).
                projection.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true));
            }
            consumer.subscribe(topics);
            long read = 0;
            long first = 0;
            while (read < events) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                if (first == 0) {
                    first = System.nanoTime();
                }
                Map<String, Document> increments = new HashMap<>();
                Map<String, Long> lastEvent = new HashMap<>();
                for (ConsumerRecord<String, byte[]> record : records) {
                    json.readTree(record.value());
                    String id = header(record, "ce_tenant") + ":" + record.key();
                    String type = header(record, "ce_type").replace('.', '_');
                    increments.computeIfAbsent(id, k -> new Document()).merge(type, 1, (a, b) -> (Integer) a + (Integer) b);
                    lastEvent.merge(id, Instant.parse(header(record, "ce_time")).toEpochMilli(), Math::max);
                }
                List<WriteModel<Document>> writes = versionChecked ? checkedWrites(projection, increments, lastEvent)
                        : new ArrayList<>(increments.size());
                if (!versionChecked) {
                    increments.forEach((id, counts) -> writes.add(new UpdateOneModel<>(new Document("_id", id),
                            new Document("$inc", counts).append("$max", new Document("lastEventAt", lastEvent.get(id))),
                            new UpdateOptions().upsert(true))));
                }
                projection.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                consumer.commitSync();
                read += records.count();
            }
            return events / ((System.nanoTime() - first) / 1e9);
        }
    }

    private static List<WriteModel<Document>> checkedWrites(MongoCollection<Document> projection,
                                                            Map<String, Document> increments, Map<String, Long> lastEvent) {
        Map<String, Document> stored = new HashMap<>();
        projection.find(new Document("_id", new Document("$in", new ArrayList<>(increments.keySet()))))
                .forEach(document -> stored.put(document.getString("_id"), document));
        List<WriteModel<Document>> writes = new ArrayList<>(increments.size());
        increments.forEach((id, counts) -> {
            Document current = stored.get(id);
            Document next = current == null ? new Document("_id", id).append("version", 0L) : new Document(current);
            counts.forEach((type, n) -> next.put(type, next.get(type) == null ? n : (Integer) next.get(type) + (Integer) n));
            next.put("lastEventAt", Math.max(lastEvent.get(id), next.get("lastEventAt") == null ? 0 : next.getLong("lastEventAt")));
            if (current == null) {
                writes.add(new com.mongodb.client.model.InsertOneModel<>(next));
            } else {
                next.put("version", current.getLong("version") + 1);
                writes.add(new com.mongodb.client.model.ReplaceOneModel<>(
                        new Document("_id", id).append("version", current.getLong("version")), next));
            }
        });
        return writes;
    }

    /** Starts a fresh analytics instance (own database, own group) and times it from its first commit to no lag. */
    private double analyticsService(List<String> topics, long events, int run) throws Exception {
        String group = "analytics-replay-" + run + "-" + UUID.randomUUID().toString().substring(0, 6);
        lastAnalyticsDatabase = "steady-analytics-replay-" + run;
        lastGroup = group;
        long[] firstLag = {-1};
        long[] firstAt = {0};
        long[] doneAt = {0};
        try (Admin admin = stack.admin()) {
            Thread sampler = new Thread(() -> {
                while (doneAt[0] == 0) {
                    long lag = stack.lag(admin, group, topics);
                    long now = System.nanoTime();
                    if (firstLag[0] < 0 && lag < events) {
                        firstLag[0] = lag;
                        firstAt[0] = now;
                    }
                    if (lag == 0) {
                        doneAt[0] = now;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "lag-sampler");
            sampler.start();
            ServiceProcess analytics = stack.startService("analytics-service",
                    Map.of("ANALYTICS_MONGODB_DATABASE", lastAnalyticsDatabase), "--steady.consumer.group=" + group);
            sampler.join(Duration.ofMinutes(60).toMillis());
            HeapWatch.record(stack, analytics);
            stack.stopService(analytics);
        }
        if (doneAt[0] == 0) {
            throw new IllegalStateException("analytics-service did not catch up within an hour");
        }
        return firstLag[0] / ((doneAt[0] - firstAt[0]) / 1e9);
    }

    private KafkaConsumer<String, byte[]> consumer(String group, int maxPollRecords) {
        return new KafkaConsumer<>(stack.kafkaClient(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)));
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
