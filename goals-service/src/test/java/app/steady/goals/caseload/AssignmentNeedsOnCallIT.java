package app.steady.goals.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A tenant's clinicians get clients only once someone is on call: otherwise a risk flag whose therapist cannot be
 * reached could end at nobody (issue 14).
 */
@SteadyIntegrationTest
class AssignmentNeedsOnCallIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    @Test
    void assignmentIsRefusedUntilTheTenantHasAReachableOnCallContact() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        double refusedBefore = refusedForLackOfOnCall();

        assign(api).andExpect(status().isConflict())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ON_CALL_CONTACT_REQUIRED"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("on-call")))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString("PUT /tenant/safety-settings")))
                .andExpect(jsonPath("$.errors[0].field").value("onCallContacts"));
        assertThat(mongo.getCollection("caseload").countDocuments(new Document("clientId", api.client)))
                .as("nothing stored").isZero();
        mvc.perform(get("/caseload/clients/{c}", api.client).header("Authorization", admin(api)))
                .andExpect(status().isNotFound());
        assertThat(refusedForLackOfOnCall() - refusedBefore).isEqualTo(1.0);

        GoalsApi.setOnCallContact(mvc, api.tenant);
        assign(api).andExpect(status().isOk()).andExpect(jsonPath("$.therapistId").value(api.therapist));
    }

    @Test
    void anotherTenantsOnCallContactDoesNotCount() throws Exception {
        GoalsApi covered = new GoalsApi(mvc);
        GoalsApi.setOnCallContact(mvc, covered.tenant);
        GoalsApi uncovered = new GoalsApi(mvc);

        assign(uncovered).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ON_CALL_CONTACT_REQUIRED"));
        assign(covered).andExpect(status().isOk());
    }

    private ResultActions assign(GoalsApi api) throws Exception {
        return mvc.perform(put("/caseload/clients/{c}", api.client).header("Authorization", admin(api))
                .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"" + api.therapist + "\"}"));
    }

    private static String admin(GoalsApi api) {
        return TestTokens.admin(api.tenant, "admin");
    }

    private double refusedForLackOfOnCall() {
        var counter = meters.find("steady.goals.assignments.refused").tag("reason", "ON_CALL_CONTACT_REQUIRED").counter();
        return counter == null ? 0 : counter.count();
    }
}
