package app.steady.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmark scenarios (docs/performance.md) on a fresh stack and writes the report.
 *
 * <pre>
 * infra/benchmarks/bench [--clients=100000] [--runs=3] [--live-rate=500] [--live-seconds=300]
 *                        [--live-clients=1000] [--capacity-seconds=15] [--burst=100000] [--burst-lead=300]
 *                        [--only=store,replay,live,capacity,burst,dashboard]  (store: the store probe)
 *                        [--kafka=host:9092,... --mongodb-uri=mongodb://... [--replication-factor=3]
 *                         [--kafka-config=client.properties]]
 *                        [--profile]
 * </pre>
 *
 * <p>Without {@code --kafka} and {@code --mongodb-uri} the run starts its own broker and MongoDB-wire server. With
 * {@code --profile} the services and the store record JFR profiles, summarised at the end of the report.</p>
 */
public final class Benchmarks {

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] pair = arg.replaceFirst("^--", "").split("=", 2);
            options.put(pair[0], pair.length > 1 ? pair[1] : "true");
        }
        int clients = Integer.parseInt(options.getOrDefault("clients", "100000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        List<String> only = Arrays.asList(options.getOrDefault("only", "store,replay,live,capacity,burst,dashboard").split(","));
        Path root = Path.of(System.getProperty("steady.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("infra/benchmarks/target/bench-data-" + System.currentTimeMillis());
        BenchmarkStack.External external = null;
        if (options.containsKey("kafka") != options.containsKey("mongodb-uri")) {
            throw new IllegalArgumentException("--kafka and --mongodb-uri go together (or neither: a stack of the run's own)");
        }
        if (options.containsKey("kafka")) {
            external = new BenchmarkStack.External(options.get("kafka"), options.get("mongodb-uri"),
                    Short.parseShort(options.getOrDefault("replication-factor", "3")),
                    kafkaClientProperties(options.get("kafka-config")));
        }

        Path profiles = options.containsKey("profile") ? Files.createDirectories(dataDir.resolve("profiles")) : null;
        BenchmarkStack stack = new BenchmarkStack(root, dataDir, external, profiles);
        Report report = new Report(root.resolve("infra/benchmarks/target/benchmark-report.md"),
                machine(stack.infrastructure()), String.join(" ", args).replaceAll("//[^@/]*@", "//"));
        try (stack) {
            stack.start();
            if (only.contains("store")) {
                StoreProbe.run(stack, report);
            }
            Population population = new Population(clients, 20);
            ReplayBenchmark replay = new ReplayBenchmark(stack, report, population, runs);
            if (only.contains("replay") || only.contains("dashboard")) {
                replay.run();
            }
            if (only.contains("live") || only.contains("capacity")) {
                LiveBenchmark live = new LiveBenchmark(stack, report, Integer.parseInt(options.getOrDefault("live-clients", "1000")));
                live.start();
                if (only.contains("live")) {
                    live.liveRate(Integer.parseInt(options.getOrDefault("live-rate", "500")),
                            Duration.ofSeconds(Long.parseLong(options.getOrDefault("live-seconds", "300"))));
                }
                if (only.contains("capacity")) {
                    live.apiCapacity(Duration.ofSeconds(Long.parseLong(options.getOrDefault("capacity-seconds", "15"))));
                }
                live.stop();
            }
            if (only.contains("burst")) {
                new ReminderBurstBenchmark(stack, report, Integer.parseInt(options.getOrDefault("burst", "100000")),
                        Duration.ofSeconds(Long.parseLong(options.getOrDefault("burst-lead", "300")))).run();
            }
            if (only.contains("dashboard")) {
                new DashboardBenchmark(stack, report, population).run(replay.analyticsDatabase(), replay.analyticsGroup());
            }
            HeapWatch.report(report);
        }
        if (profiles != null) {
            Profiles.report(profiles, report);   // after the processes exited and wrote their recordings
        }
        report.line("");
        report.line("Report written to infra/benchmarks/target/benchmark-report.md");
    }

    /** The properties file of {@code --kafka-config} (TLS, SASL), or none. */
    private static Map<String, String> kafkaClientProperties(String file) throws java.io.IOException {
        Map<String, String> settings = new HashMap<>();
        if (file != null) {
            java.util.Properties properties = new java.util.Properties();
            try (var reader = Files.newBufferedReader(Path.of(file))) {
                properties.load(reader);
            }
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        }
        return settings;
    }

    private static String machine(String infrastructure) {
        return Runtime.getRuntime().availableProcessors() + " cores, "
                + Math.round(((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / 1e9) + " GB RAM, Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.version")
                + "; " + infrastructure;
    }
}
