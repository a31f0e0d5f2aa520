package app.steady.goals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Reads of a client's information by someone else are in the audit trail, which only the tenant's admins can query. */
@SteadyIntegrationTest
class AuditTrailIT {

    @Autowired
    MockMvc mvc;

    @Test
    void aTherapistsReadAndAnOutsidersAttemptAreRecordedButNotTheClientsOwnReads() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        api.asTherapist(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        api.asClient(get("/clients/{c}/goals", api.client), null).andExpect(status().isOk());
        mvc.perform(get("/clients/{c}/goals", api.client).header("Authorization", TestTokens.therapist(api.tenant, "nosy")))
                .andExpect(status().isNotFound());

        mvc.perform(get("/audit").param("clientId", api.client).header("Authorization", TestTokens.admin(api.tenant, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].actorId").value("nosy"))
                .andExpect(jsonPath("$[0].outcome").value("DENIED"))
                .andExpect(jsonPath("$[0].status").value(404))
                .andExpect(jsonPath("$[1].actorId").value(api.therapist))
                .andExpect(jsonPath("$[1].actorRole").value("THERAPIST"))
                .andExpect(jsonPath("$[1].tenantId").value(api.tenant))
                .andExpect(jsonPath("$[1].action").value("GET /clients/{clientId}/goals"))
                .andExpect(jsonPath("$[1].outcome").value("ALLOWED"))
                .andExpect(jsonPath("$[1].remoteAddress").exists());
        mvc.perform(get("/audit").header("Authorization", TestTokens.admin("tenant-" + java.util.UUID.randomUUID(), "admin")))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/audit").header("Authorization", api.therapistToken())).andExpect(status().isForbidden());
    }
}
