package app.steady.benchmarks;

import app.steady.local.ServiceProcess;
import java.util.Map;
import java.util.TreeMap;

/** The largest heap in use seen per service during the run (scenario 6), from the services' own metrics. */
final class HeapWatch {

    private static final Map<String, Double> MAX_HEAP_MB = new TreeMap<>();

    private HeapWatch() {
    }

    static synchronized void record(BenchmarkStack stack, ServiceProcess service) {
        try {
            double used = Scrape.of(service.baseUrl(), stack.operator()).sum("jvm_memory_used_bytes", "area=\"heap\"");
            MAX_HEAP_MB.merge(service.name(), used / (1024 * 1024), Math::max);
        } catch (RuntimeException e) {
            // A service being stopped or restarted is not a measurement.
        }
    }

    static synchronized void report(Report report) {
        report.section("6. Memory");
        report.line("Every service ran with `" + String.join(" ", BenchmarkStack.SERVICE_JVM) + "`; largest heap in use seen:");
        report.line("");
        report.line("| Service | max heap used (MB) |");
        report.line("|---|---|");
        MAX_HEAP_MB.forEach((service, mb) -> report.line("| " + service + " | " + Report.format(mb) + " |"));
    }
}
