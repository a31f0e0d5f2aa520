package app.steady.benchmarks;

import app.steady.local.ServiceProcess;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Scenario 5: the therapist dashboard's two queries — the caseload (200 clients) and one client's detail — against
 * analytics' store holding the whole replayed population.
 */
final class DashboardBenchmark {

    private static final int WARM_UP = 50;
    private static final int MEASURED = 500;

    private final BenchmarkStack stack;
    private final Report report;
    private final Population population;

    DashboardBenchmark(BenchmarkStack stack, Report report, Population population) {
        this.stack = stack;
        this.report = report;
        this.population = population;
    }

    void run(String database, String caughtUpGroup) {
        report.section("5. Dashboard queries (caseload of " + Population.CASELOAD + ", " + population.clients()
                + " clients stored)");
        ServiceProcess analytics = stack.startService("analytics-service", Map.of("ANALYTICS_MONGODB_DATABASE", database),
                "--steady.consumer.group=" + caughtUpGroup);
        String therapist = stack.bearer(population.tenantOf(0), population.therapistOf(0), "THERAPIST");
        report.line("| Query | p50 ms | p99 ms |");
        report.line("|---|---|---|");
        measure("GET /therapists/me/caseload", k -> analytics.baseUrl() + "/therapists/me/caseload", therapist);
        measure("GET /clients/{id}/summary", k -> analytics.baseUrl() + "/clients/" + population.client(k % Population.CASELOAD)
                + "/summary", therapist);
        HeapWatch.record(stack, analytics);
        stack.stopService(analytics);
    }

    private void measure(String name, IntFunction<String> url, String token) {
        Stats stats = new Stats();
        for (int k = 0; k < WARM_UP + MEASURED; k++) {
            long startedAt = System.nanoTime();
            int status = Api.get(url.apply(k), token).statusCode();
            if (status != 200) {
                throw new IllegalStateException(name + " answered " + status);
            }
            if (k >= WARM_UP) {
                stats.record((System.nanoTime() - startedAt) / 1000);
            }
        }
        report.line("| " + name + " | " + Report.format(stats.percentileMillis(50)) + " | "
                + Report.format(stats.percentileMillis(99)) + " |");
    }
}
