package app.steady.goals.caseload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.goals.support.GoalsApi;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 17: a therapist's caseload is read through their list of client ids and the assignments by id (the embedded
 * store would read every assignment for a query by therapist). The list follows reassignment and discharge, a name
 * left behind by a crash is not shown, and missing lists are built from the assignments.
 */
@SteadyIntegrationTest
class TherapistClientListsIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    TherapistClientLists lists;
    @Autowired
    MongoTemplate mongo;

    @Test
    void theCaseloadFollowsTheListAndShowsOnlyClientsTheAssignmentStillGivesTheTherapist() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        String other = "therapist-" + UUID.randomUUID();
        String second = "client-" + UUID.randomUUID();
        api.assignClient();
        assign(api, second, api.therapist);
        assertThat(lists.listed(api.tenant, api.therapist)).containsExactlyInAnyOrder(api.client, second);
        assertThat(caseloadOf(api, api.therapist)).as("sorted by client id").isEqualTo(
                java.util.stream.Stream.of(api.client, second).sorted().map(c -> "\"" + c + "\"")
                        .collect(java.util.stream.Collectors.joining(",", "[", "]")));

        assign(api, api.client, other);
        assertThat(lists.listed(api.tenant, api.therapist)).containsExactly(second);
        assertThat(lists.listed(api.tenant, other)).containsExactly(api.client);
        assertThat(caseloadOf(api, other)).isEqualTo("[\"" + api.client + "\"]");

        mvc.perform(delete("/caseload/clients/{c}", second).header("Authorization", TestTokens.admin(api.tenant, "admin")))
                .andExpect(status().is2xxSuccessful());
        assertThat(lists.listed(api.tenant, api.therapist)).isEmpty();

        lists.list(api.tenant, api.therapist, api.client);   // as if the unlisting after the write was lost
        assertThat(caseloadOf(api, api.therapist)).as("the assignment names another therapist").isEqualTo("[]");

        mongo.dropCollection(TherapistClientLists.COLLECTION);
        assertThat(lists.buildIfMissing()).isPositive();
        assertThat(lists.listed(api.tenant, other)).containsExactly(api.client);
        assertThat(caseloadOf(api, other)).isEqualTo("[\"" + api.client + "\"]");
    }

    private void assign(GoalsApi api, String client, String therapist) throws Exception {
        mvc.perform(put("/caseload/clients/{c}", client).header("Authorization", TestTokens.admin(api.tenant, "admin"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"" + therapist + "\"}"))
                .andExpect(status().isOk());
    }

    private String caseloadOf(GoalsApi api, String therapist) throws Exception {
        return mvc.perform(get("/caseload/therapists/{t}/clients", therapist)
                        .header("Authorization", TestTokens.therapist(api.tenant, therapist)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
