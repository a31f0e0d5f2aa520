package app.steady.goals.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.privacy.ClientExportRequested;
import app.steady.goals.support.GoalsApi;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestTokens;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The client's rights as goals-service coordinates them: who may ask for an erasure, its proof (with goals-service's
 * own acknowledgement arriving through the broker), ids that can never come back, and a data export assembled from
 * sealed parts.
 */
@SteadyIntegrationTest
class PrivacyApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;

    @Test
    void theClientOrTheirAdminMayRequestErasureAndTheProofShowsEachServicesAcknowledgement() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        api.agreedGoal(GoalsApi.PLAIN_GOAL);
        String admin = TestTokens.admin(api.tenant, "admin-1");

        mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", api.therapistToken()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", TestTokens.admin("another-tenant", "a")))
                .andExpect(status().isNotFound());
        String location = mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", admin))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"))
                .andReturn().getResponse().getHeader("Location");
        String again = mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        assertThat(again).as("one erasure per client").isEqualTo(location);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(location).header("Authorization", admin))
                        // the goal, the assignment, and the therapist's list of client ids it was taken out of
                        .andExpect(jsonPath("$.acknowledgements['goals-service'].documentsErased").value(3)));
        String proof = mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(proof).doesNotContain(api.client);
        mvc.perform(get(location).header("Authorization", TestTokens.client(api.tenant, "someone-else")))
                .andExpect(status().isNotFound());
        assertThat(mongo.getCollection("goals").countDocuments(new Document("clientId", api.client))).isZero();
        assertThat(mongo.getCollection("caseload").countDocuments(new Document("clientId", api.client))).isZero();
        assertThat(mongo.getCollection("therapist_client_lists").countDocuments(
                new Document("counts." + api.client, new Document("$exists", true)))).isZero();

        mvc.perform(put("/caseload/clients/{c}", api.client).header("Authorization", admin)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"" + api.therapist + "\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CLIENT_ERASED"));
    }

    @Test
    void aClientIdBelongsToOneProvider() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        mvc.perform(put("/caseload/clients/{c}", api.client).header("Authorization", TestTokens.admin("another-provider", "a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"therapistId\":\"t-1\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CLIENT_ID_IN_USE"));
    }

    @Test
    void anExportIsAssembledFromEveryServicesSealedPartForTheClientOnly() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        api.agreedGoal(GoalsApi.PLAIN_GOAL);
        mvc.perform(post("/clients/{c}/exports", api.client).header("Authorization", api.therapistToken()))
                .andExpect(status().isForbidden());
        String location = mvc.perform(post("/clients/{c}/exports", api.client).header("Authorization", api.clientToken()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("ASSEMBLING"));

        ExportParts parts = new ExportParts(topics, json);
        ClientExportRequested request = parts.requestOf(api);
        parts.answer(api, request, service -> "{\"from\":\"" + service + "\"}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(location).header("Authorization", api.clientToken())).andExpect(status().isOk()));
        String bundle = mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andReturn().getResponse().getContentAsString();
        assertThat(bundle).contains("\"from\":\"homework-service\"", "\"from\":\"reminders-service\"",
                "\"from\":\"analytics-service\"", "Call a friend each week", api.client);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(mongo.getCollection("export_keys").find(new Document("_id", request.exportId())).first())
                        .as("the private key is destroyed once the bundle is assembled").doesNotContainKey("wrappedPrivateKey"));
        mvc.perform(get(location).header("Authorization", api.therapistToken())).andExpect(status().isForbidden());
    }
}
