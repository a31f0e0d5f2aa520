package app.steady.benchmarks;

import app.steady.local.ServiceProcess;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;

/**
 * Scenarios 2 and 3 on goals-, homework- and analytics-service: mood check-ins written through homework's API, through
 * its outbox and Kafka into analytics' client projection. The end-to-end latency is analytics' own
 * {@code steady.events.lag} (from the event's time — when the API accepted the write — to its application), taken
 * as the difference of its histogram over the measured window.
 */
final class LiveBenchmark {

    private final BenchmarkStack stack;
    private final Report report;
    private final int clients;
    private ServiceProcess goals;
    private ServiceProcess homework;
    private ServiceProcess analytics;
    private final List<String> clientTokens = new ArrayList<>();

    LiveBenchmark(BenchmarkStack stack, Report report, int clients) {
        this.stack = stack;
        this.report = report;
        this.clients = clients;
    }

    void start() {
        // Own topics and databases: the live path must not start by re-reading what earlier scenarios published.
        stack.freshTopics();
        goals = stack.startService("goals-service");
        homework = stack.startService("homework-service");
        analytics = stack.startService("analytics-service");
        Population population = new Population(clients, 5);
        for (int i = 0; i < Math.min(clients, population.tenants() * Population.CASELOAD); i += Population.CASELOAD) {
            Api.setOnCallContact(goals.baseUrl(), stack.bearer(population.tenantOf(i), "admin", "ADMIN"));
        }
        for (int i = 0; i < clients; i++) {
            String client = "live-" + population.client(i);
            int status = Api.send(Api.request("PUT", goals.baseUrl() + "/caseload/clients/" + client,
                    stack.bearer(population.tenantOf(i), "admin", "ADMIN"),
                    "{\"therapistId\":\"" + population.therapistOf(i) + "\"}"));
            if (status != 200) {
                throw new IllegalStateException("Assigning " + client + " answered " + status);
            }
            clientTokens.add(population.tenantOf(i) + "|" + client + "|"
                    + stack.bearer(population.tenantOf(i), client, "CLIENT"));
        }
    }

    void stop() {
        List.of(goals, homework, analytics).forEach(service -> {
            HeapWatch.record(stack, service);
            stack.stopService(service);
        });
    }

    /** Scenario 2: a fixed rate of writes for a duration. */
    void liveRate(int ratePerSecond, Duration duration) throws Exception {
        report.section("2. Live path at " + ratePerSecond + " writes/s for " + duration.toSeconds() + " s");
        awaitQuiet();
        TreeMap<Double, Double> before = Scrape.of(analytics.baseUrl(), stack.operator()).buckets("steady_events_lag_seconds");
        Stats api = new Stats();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        long total = ratePerSecond * duration.toSeconds();
        CountDownLatch done = new CountDownLatch((int) total);
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        List<String> samples = new ArrayList<>();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try (Admin admin = stack.admin()) {
            sampler.scheduleAtFixedRate(() -> samples.add(sample(admin)), 0, 10, TimeUnit.SECONDS);
            long intervalNanos = 1_000_000_000L / ratePerSecond;
            ticker.scheduleAtFixedRate(() -> {
                long n = sent.getAndIncrement();
                if (n >= total) {
                    return;
                }
                String[] client = clientTokens.get((int) (n % clientTokens.size())).split("\\|");
                HttpRequest request = Api.request("POST", homework.baseUrl() + "/clients/" + client[1] + "/mood", client[2],
                        "{\"mood\":" + (n % 11) + ",\"timeZone\":\"Europe/London\"}");
                long startedAt = System.nanoTime();
                Api.sendAsync(request).thenAccept(status -> {
                    api.record((System.nanoTime() - startedAt) / 1000);
                    if (status != 201) {
                        failed.incrementAndGet();
                    }
                    done.countDown();
                });
            }, 0, intervalNanos, TimeUnit.NANOSECONDS);
            done.await(duration.toSeconds() + 120, TimeUnit.SECONDS);
            ticker.shutdownNow();
            awaitQuiet();
            sampler.shutdownNow();
            samples.add(sample(admin));
        }
        TreeMap<Double, Double> after = Scrape.of(analytics.baseUrl(), stack.operator()).buckets("steady_events_lag_seconds");
        report.line("Writes: " + api.count() + " answered, " + failed.get() + " not 201. API latency p50 "
                + Report.format(api.percentileMillis(50)) + " ms, p99 " + Report.format(api.percentileMillis(99)) + " ms.");
        report.line("");
        report.line("| End to end (API accepted -> analytics projection updated) | ms |");
        report.line("|---|---|");
        for (double p : new double[] {50, 95, 99}) {
            report.line("| p" + (int) p + " | " + Report.format(Scrape.percentileBetween(before, after, p) * 1000) + " |");
        }
        report.line("");
        report.line("Every 10 s (homework outbox backlog / analytics consumer lag / heap MB goals, homework, analytics):");
        report.line("");
        samples.forEach(sample -> report.line("    " + sample));
    }

    /** Scenario 3: closed-loop writers against one homework-service instance, at growing concurrency. */
    void apiCapacity(Duration perLevel) {
        report.section("3. API capacity of one homework-service instance (mood check-ins, closed loop)");
        report.line("| concurrent writers | writes/s | p50 ms | p99 ms |");
        report.line("|---|---|---|---|");
        double best = 0;
        for (int writers : new int[] {1, 2, 4, 8, 16, 32}) {
            Stats stats = new Stats();
            long deadline = System.nanoTime() + perLevel.toNanos();
            List<Thread> threads = new ArrayList<>();
            AtomicInteger counter = new AtomicInteger();
            for (int w = 0; w < writers; w++) {
                Thread thread = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        int n = counter.getAndIncrement();
                        String[] client = clientTokens.get(n % clientTokens.size()).split("\\|");
                        long startedAt = System.nanoTime();
                        Api.send(Api.request("POST", homework.baseUrl() + "/clients/" + client[1] + "/mood", client[2],
                                "{\"mood\":5,\"timeZone\":\"Europe/London\"}"));
                        stats.record((System.nanoTime() - startedAt) / 1000);
                    }
                });
                thread.start();
                threads.add(thread);
            }
            threads.forEach(LiveBenchmark::join);
            double rate = stats.count() / (perLevel.toMillis() / 1000.0);
            double p99 = stats.percentileMillis(99);
            report.line("| " + writers + " | " + Report.format(rate) + " | " + Report.format(stats.percentileMillis(50))
                    + " | " + Report.format(p99) + " |");
            if (p99 < 50) {
                best = Math.max(best, rate);
            }
            awaitQuiet();
        }
        report.line("");
        report.line("Capacity at p99 < 50 ms: **" + Report.format(best) + " writes/s** per instance.");
    }

    private String sample(Admin admin) {
        double backlog = Scrape.of(homework.baseUrl(), stack.operator()).sum("steady_outbox_backlog_events");
        long lag = stack.lag(admin, "analytics-service", List.of(stack.topic("goals"), stack.topic("homework")));
        List.of(goals, homework, analytics).forEach(service -> HeapWatch.record(stack, service));
        return String.format("backlog %.0f / lag %d / heap %s", backlog, lag, heaps());
    }

    private String heaps() {
        List<String> heaps = new ArrayList<>();
        for (ServiceProcess service : List.of(goals, homework, analytics)) {
            heaps.add(Report.format(Scrape.of(service.baseUrl(), stack.operator())
                    .sum("jvm_memory_used_bytes", "area=\"heap\"") / (1024 * 1024)));
        }
        return String.join(", ", heaps);
    }

    /** Waits until the outbox is empty and analytics has read everything. */
    private void awaitQuiet() {
        try (Admin admin = stack.admin()) {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                double backlog = Scrape.of(homework.baseUrl(), stack.operator()).sum("steady_outbox_backlog_events");
                long lag = stack.lag(admin, "analytics-service", List.of(stack.topic("goals"), stack.topic("homework")));
                if (backlog == 0 && lag == 0) {
                    return;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
