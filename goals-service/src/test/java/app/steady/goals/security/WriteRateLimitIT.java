package app.steady.goals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Writes beyond the per-caller limit get 429 with Retry-After; reads and other callers are not affected. */
@SteadyIntegrationTest(properties = {
        "steady.web.rate-limit.writes-per-caller-per-minute=5",
        "steady.web.rate-limit.writes-per-tenant-per-minute=9"})
class WriteRateLimitIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theSixthWriteInAMinuteIsRefusedWithRetryAfter() throws Exception {
        GoalsApi api = new GoalsApi(mvc); // the admin's safety settings and assignment are writes 1 and 2 of the tenant
        api.assignClient();
        for (int i = 0; i < 5; i++) {
            api.asClient(post("/clients/{c}/goals", api.client), GoalsApi.PLAIN_GOAL).andExpect(status().isCreated());
        }
        api.asClient(post("/clients/{c}/goals", api.client), GoalsApi.PLAIN_GOAL)
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.status").value(429));
        api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        // The refused write still counted for the tenant (8); another caller has room of their own until the tenant's 9.
        api.asTherapist(post("/clients/{c}/strengths", api.client), "{\"kind\":\"ABILITY\",\"description\":\"Kind\"}")
                .andExpect(status().isCreated());
        mvc.perform(post("/clients/{c}/strengths", "someone").header("Authorization", TestTokens.client(api.tenant, "someone"))
                        .contentType("application/json").content("{\"kind\":\"ABILITY\",\"description\":\"x\"}"))
                .andExpect(status().isTooManyRequests()); // the tenant's limit
    }
}
