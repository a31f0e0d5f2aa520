package app.steady.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.steady.local.ServiceProcess;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The first slice across real processes: a therapist and client agree goals in goals-service, the goal-set events
 * travel through the real broker, and analytics-service shows the client's goal count. analytics-service is then
 * killed (SIGKILL) mid-stream and restarted: nothing is lost and nothing is applied twice. On the {@link SharedStack}.
 */
@Order(SharedStack.SUITE_ORDER)
class FirstSliceE2E {

    static SharedStack stack;
    static ServiceProcess goals;
    static ServiceProcess analytics;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeAll
    static void useTheSharedStack() {
        stack = SharedStack.get();
        goals = stack.process("goals-service");
        analytics = stack.process("analytics-service");
    }

    @Test
    void agreedGoalsReachTheAnalyticsSummaryAndSurviveAConsumerCrash() {
        OnCall.setFor(goals.baseUrl(), tenant);
        Http.Response assigned = Http.send("PUT", goals.baseUrl() + "/caseload/clients/" + client,
                TestTokens.admin(tenant, "admin-1"), "{\"therapistId\":\"" + therapist + "\"}");
        assertThat(assigned.status()).isEqualTo(200);

        agreeGoal("Walk every morning");
        awaitActiveGoals(1);

        analytics.kill();
        agreeGoal("Sleep by eleven");
        agreeGoal("Call a friend each week");
        agreeGoal("Practise breathing before work");
        analytics = stack.restart("analytics-service", "analytics-service-after-sigkill");

        awaitActiveGoals(4);
        Http.Response forOtherTherapist = Http.send("GET", analytics.baseUrl() + "/clients/" + client + "/goal-counts",
                TestTokens.therapist(tenant, "another-therapist"), null);
        assertThat(forOtherTherapist.status()).isEqualTo(404);
    }

    private void agreeGoal(String title) {
        Http.Response proposed = Http.send("POST", goals.baseUrl() + "/clients/" + client + "/goals",
                TestTokens.client(tenant, client), "{\"title\":\"" + title + "\"}");
        assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
        Http.Response agreed = Http.send("POST", goals.baseUrl() + proposed.location() + "/agreement",
                TestTokens.therapist(tenant, therapist), "{\"version\":1}");
        assertThat(agreed.status()).as(agreed.body()).isEqualTo(200);
    }

    private void awaitActiveGoals(int expected) {
        // A SIGKILLed consumer's partitions move on only when its session times out (15 s), then the group rebalances.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Http.Response summary = Http.send("GET", analytics.baseUrl() + "/clients/" + client + "/goal-counts",
                    TestTokens.therapist(tenant, therapist), null);
            assertThat(summary.status()).as(summary.body()).isEqualTo(200);
            assertThat(summary.body()).contains("\"active\":" + expected + ",");
        });
        // Stays at the expected count: a redelivered event must not count twice.
        Http.Response settled = Http.send("GET", analytics.baseUrl() + "/clients/" + client + "/goal-counts",
                TestTokens.therapist(tenant, therapist), null);
        assertThat(settled.body()).contains("\"active\":" + expected + ",");
    }
}
