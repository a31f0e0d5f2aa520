package app.steady.benchmarks;

import app.steady.events.goals.ClientAssigned;
import app.steady.events.homework.HomeworkAssigned;
import app.steady.events.homework.Occurrence;
import app.steady.local.ServiceProcess;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 4: reminders for N clients all due at the same instant, two reminders-service instances dispatching
 * (KAFKA channel: each delivery is a reminder-sent event, counted by reminder id to find duplicates and losses).
 */
final class ReminderBurstBenchmark {

    private static final Duration LEAD = Duration.ofMinutes(15);

    private final BenchmarkStack stack;
    private final Report report;
    private final int clients;
    private final Duration planningBudget;

    ReminderBurstBenchmark(BenchmarkStack stack, Report report, int clients, Duration planningBudget) {
        this.stack = stack;
        this.report = report;
        this.clients = clients;
        this.planningBudget = planningBudget;
    }

    void run() {
        report.section("4. Reminder burst: " + clients + " reminders due at one instant, two reminders-service instances");
        stack.freshTopics();
        String[] settings = {"--steady.reminders.follow-up-before-close=PT0S",
                "--spring.mongodb.database=steady-reminders-burst"};
        ServiceProcess first = stack.startService("reminders-service", settings);
        ServiceProcess second = stack.startService("reminders-service", settings);
        Instant burst = Instant.now().plus(planningBudget);
        Population population = new Population(clients, 20);
        Instant published = Instant.now();
        try (EventPublisher publisher = new EventPublisher(stack)) {
            for (int i = 0; i < clients; i++) {
                String client = "burst-" + population.client(i);
                Instant due = burst.plus(LEAD);
                ZoneId zone = ZoneId.of(population.zoneOf(i));
                publisher.publish(population.tenantOf(i), new ClientAssigned(client, population.therapistOf(i), published), published);
                publisher.publish(population.tenantOf(i), new HomeworkAssigned("hw-burst-" + i, client,
                        population.therapistOf(i), null, "RELAXATION", zone.getId(), 1,
                        List.of(new Occurrence("o-burst-" + i, due, LocalDateTime.ofInstant(due, zone).withNano(0),
                                due.plus(Duration.ofHours(4)))), published), published);
            }
        }
        long planned = awaitPlanned(burst);
        double planningSeconds = Duration.between(published, Instant.now()).toMillis() / 1000.0;
        report.line("Planned " + planned + " reminders from " + clients + " homework-assigned events in "
                + Report.format(planningSeconds) + " s (" + Report.format(planned / planningSeconds) + " /s); burst at " + burst + ".");
        if (Instant.now().isAfter(burst)) {
            report.line("Planning finished after the burst instant: the burst below is partly a backlog catch-up "
                    + "(raise --burst-lead).");
        }

        TreeMap<Double, Double> before = lateness(first, second);
        Set<String> delivered = new HashSet<>();
        long deliveries = 0;
        Instant allDone = null;
        JsonMapper json = JsonMapper.builder().build();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(stack.kafkaClient(Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, "bench-burst-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class)))) {
            consumer.subscribe(List.of(stack.topic("reminders")));
            // 15 minutes, or longer for a burst this store needs longer for (it sends about 100 a second here).
            Instant deadline = burst.plus(Duration.ofSeconds(Math.max(900, clients / 50)));
            while (Instant.now().isBefore(deadline) && delivered.size() < planned) {
                deliveries += readDeliveries(consumer, json, delivered);
                if (delivered.size() >= planned) {
                    allDone = Instant.now();
                }
            }
            // Anything sent twice would arrive shortly after: read a little longer.
            Instant extra = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(extra)) {
                deliveries += readDeliveries(consumer, json, delivered);
            }
        }
        TreeMap<Double, Double> after = lateness(first, second);
        HeapWatch.record(stack, first);
        HeapWatch.record(stack, second);
        report.line("");
        report.line("| Measure | Value |");
        report.line("|---|---|");
        report.line("| reminders delivered (distinct) | " + delivered.size() + " of " + planned + " |");
        report.line("| deliveries in total (duplicates = total - distinct) | " + deliveries + " |");
        report.line("| burst instant -> all delivered | "
                + (allDone == null ? "not within " + Math.max(900, clients / 50) + " s"
                        : Report.format(Duration.between(burst, allDone).toMillis() / 1000.0) + " s") + " |");
        report.line("| lateness p50 / p99 (s) | " + Report.format(Scrape.percentileBetween(before, after, 50)) + " / "
                + Report.format(Scrape.percentileBetween(before, after, 99)) + " |");
        stack.stopService(first);
        stack.stopService(second);
    }

    /** Polls once; adds the burst's reminder-sent ids to {@code delivered} and returns how many deliveries it saw. */
    private static int readDeliveries(KafkaConsumer<String, byte[]> consumer, JsonMapper json, Set<String> delivered) {
        int deliveries = 0;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            Header type = record.headers().lastHeader("ce_type");
            if (type != null && new String(type.value(), StandardCharsets.UTF_8).endsWith("reminder-sent.v1")
                    && record.key().startsWith("burst-")) {
                deliveries++;
                delivered.add(json.readTree(record.value()).get("reminderId").asString());
            }
        }
        return deliveries;
    }

    private long awaitPlanned(Instant burst) {
        try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
            var reminders = mongo.getDatabase("steady-reminders-burst").getCollection("reminders");
            long planned = 0;
            Instant deadline = burst.plus(Duration.ofMinutes(10));
            while (Instant.now().isBefore(deadline)) {
                planned = reminders.countDocuments(Filters.regex("clientId", "^burst-"));
                if (planned >= clients) {
                    return planned;
                }
                Thread.sleep(1000);
            }
            return planned;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private TreeMap<Double, Double> lateness(ServiceProcess first, ServiceProcess second) {
        TreeMap<Double, Double> merged = new TreeMap<>();
        for (ServiceProcess instance : List.of(first, second)) {
            Scrape.of(instance.baseUrl(), stack.operator()).buckets("steady_reminders_lateness_seconds")
                    .forEach((bound, count) -> merged.merge(bound, count, Double::sum));
        }
        return merged;
    }
}
