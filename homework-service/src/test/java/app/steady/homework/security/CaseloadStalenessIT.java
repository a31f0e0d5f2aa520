package app.steady.homework.security;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.goals.CaseloadHeartbeat;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.caseload.CaseloadLanes;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestEvents;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 16, defect 2: revocation had no bound. A service learns of an unassignment only when the event arrives, so
 * during a Kafka outage a former therapist went on reading. Now, once this service's copy of the caseload may be
 * further behind goals-service than {@code steady.caseload.max-staleness} (its heartbeats stopped arriving), therapist
 * reads get 503; clients still read their own information, and reads resume with the next round of heartbeats.
 */
@SteadyIntegrationTest(properties = "steady.caseload.max-staleness=5s")
class CaseloadStalenessIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    CaseloadDirectory caseload;
    @Value("${steady.events.partitions}")
    int partitions;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();

    @Test
    void therapistReadsStopWhileTheCaseloadMayBeStaleAndResumeWhenItIsCurrent() throws Exception {
        TestCaseload.assign(topics, json, caseload, tenant, client, "therapist-1");
        mvc.perform(post("/clients/{c}/mood", client).header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mood\":6,\"timeZone\":\"Europe/London\"}"))
                .andExpect(status().isCreated());

        heartbeats();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> therapistReadsMood().andExpect(status().isOk()));

        // No heartbeat for longer than the bound: as if Kafka or goals-service's relay were down.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> therapistReadsMood()
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.code").value("CASELOAD_STALE")));
        mvc.perform(get("/clients/{c}/mood", client).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(status().isOk());

        heartbeats();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> therapistReadsMood().andExpect(status().isOk()));
    }

    private org.springframework.test.web.servlet.ResultActions therapistReadsMood() throws Exception {
        return mvc.perform(get("/clients/{c}/mood", client).header("Authorization", TestTokens.therapist(tenant, "therapist-1")));
    }

    /** One round of goals-service's heartbeats, one per lane. */
    private void heartbeats() {
        List<String> lanes = CaseloadLanes.of(partitions);
        Instant now = Instant.now();
        for (String lane : lanes) {
            TestEvents.publish(topics, json, "steady-platform", new CaseloadHeartbeat(lane, lanes.size(), now));
        }
    }
}
