package app.steady.goals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.platform.web.RateLimitWindows;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Requests beyond a caller's or a tenant's limit get 429 with Retry-After (issue 16, defect 7): only requests let
 * through count, so a client refused for their own excess does not use up their provider's budget; reads have
 * limits of their own; the windows live in the store, shared by every instance.
 */
@SteadyIntegrationTest(properties = {
        "steady.web.rate-limit.writes-per-caller-per-minute=5",
        "steady.web.rate-limit.writes-per-tenant-per-minute=9",
        "steady.web.rate-limit.reads-per-caller-per-minute=20"})
class RateLimitIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @Test
    void writesRefusedForTheCallerDoNotUseUpTheTenantsBudget() throws Exception {
        GoalsApi api = new GoalsApi(mvc); // the admin's safety settings and assignment are writes 1 and 2 of the tenant
        api.assignClient();
        for (int i = 0; i < 5; i++) {
            api.asClient(post("/clients/{c}/goals", api.client), GoalsApi.PLAIN_GOAL).andExpect(status().isCreated());
        }
        for (int i = 0; i < 3; i++) {
            api.asClient(post("/clients/{c}/goals", api.client), GoalsApi.PLAIN_GOAL)
                    .andExpect(status().isTooManyRequests())
                    .andExpect(header().exists("Retry-After"))
                    .andExpect(jsonPath("$.status").value(429));
        }
        // The tenant has used 7 of 9: the three refused writes did not count (before, they did and blocked everyone).
        api.asTherapist(post("/clients/{c}/strengths", api.client), "{\"kind\":\"ABILITY\",\"description\":\"Kind\"}")
                .andExpect(status().isCreated());
        strength(api, "someone").andExpect(result -> assertThat(result.getResponse().getStatus())
                .as("the tenant's 9th write is let through").isNotEqualTo(429));
        strength(api, "someone-else").andExpect(status().isTooManyRequests()); // the tenant's limit
    }

    @Test
    void readsHaveALimitOfTheirOwn() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        for (int i = 0; i < 20; i++) {
            api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        }
        api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(status().isTooManyRequests());
        api.asClient(post("/clients/{c}/goals", api.client), GoalsApi.PLAIN_GOAL).andExpect(status().isCreated());
    }

    @Test
    void everyInstanceCountsInTheSameWindows() {
        RateLimitWindows instanceA = new RateLimitWindows(mongo, Clock.systemUTC());
        RateLimitWindows instanceB = new RateLimitWindows(mongo, Clock.systemUTC());
        String key = "write|caller|tenant-" + UUID.randomUUID() + "|c-1";
        long minute = instanceA.currentMinute();
        for (int i = 0; i < 3; i++) {
            assertThat(instanceA.tryAcquire(key, minute, 5)).isTrue();
        }
        assertThat(instanceB.tryAcquire(key, minute, 5)).isTrue();
        assertThat(instanceB.tryAcquire(key, minute, 5)).isTrue();
        assertThat(instanceA.tryAcquire(key, minute, 5)).as("the sixth, wherever it arrives").isFalse();
        assertThat(instanceB.tryAcquire(key, minute, 5)).isFalse();
    }

    private org.springframework.test.web.servlet.ResultActions strength(GoalsApi api, String client) throws Exception {
        return mvc.perform(post("/clients/{c}/strengths", client).header("Authorization", TestTokens.client(api.tenant, client))
                .contentType("application/json").content("{\"kind\":\"ABILITY\",\"description\":\"x\"}"));
    }
}
