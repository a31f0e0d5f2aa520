package app.steady.goals.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.privacy.ClientExportRequested;
import app.steady.goals.support.GoalsApi;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.TopicNames;
import app.steady.testing.MutableClock;
import app.steady.testing.SteadyIntegrationTest;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An export at rest in goals' database, read as someone holding a copy of that database (or its backup) would:
 * the export's private key is never there in clear, the assembled bundle only encrypted under a key of its own, and
 * that key is gone when the download window closes (or the client is erased).
 */
@SteadyIntegrationTest
class ExportAtRestIT {

    @TestConfiguration
    static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    MutableClock clock;
    @Autowired
    Exports exports;

    @BeforeEach
    void clockAtNow() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void neitherTheExportsPrivateKeyNorTheAssembledBundleIsStoredInClear() throws Exception {
        GoalsApi api = assignedClient();
        String journal = "journal-" + UUID.randomUUID() + ": slept badly, walked by the river anyway";
        String location = requestExport(api);
        ClientExportRequested request = new ExportParts(topics, json).requestOf(api);

        assertThat(privateKeysInClear()).as("the export's private key, while the parts arrive").isEmpty();

        new ExportParts(topics, json).answer(api, request, service -> "{\"journal\":\"" + journal + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(location).header("Authorization", api.clientToken())).andExpect(status().isOk()));
        String bundle = mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andReturn().getResponse().getContentAsString();

        assertThat(bundle).as("the client reads the bundle in the window").contains(journal);
        assertThat(documentsContaining(journal)).as("documents holding the journal text in clear").isEmpty();
        assertThat(privateKeysInClear()).as("the export's private key, once assembled").isEmpty();
    }

    @Test
    void theBundleAndItsKeyDieWithTheDownloadWindow() throws Exception {
        GoalsApi api = assignedClient();
        String location = requestExport(api);
        ClientExportRequested request = assembled(api, location);
        Document backup = mongo.getCollection("exports").find(new Document("_id", request.exportId())).first();
        Instant expiresAt = backup.getDate("expiresAt").toInstant();

        clock.set(expiresAt.minusSeconds(1));
        mvc.perform(get(location).header("Authorization", api.clientToken())).andExpect(status().isOk());

        clock.set(expiresAt);
        mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.code").value("EXPORT_EXPIRED"));

        exports.purgeExpired();

        assertThat(mongo.getCollection("export_keys").countDocuments(new Document("_id", request.exportId())))
                .as("the export's key is destroyed by the sweep").isZero();
        assertThat(documentsContaining(request.exportId()).keySet()).as("what still mentions the export")
                .containsOnly("exports");
        Document tombstone = mongo.getCollection("exports").find(new Document("_id", request.exportId())).first();
        assertThat(tombstone).as("the expired export, without its bundle").doesNotContainKeys("bundle", "encryptedBundle");
        mvc.perform(get(location).header("Authorization", api.clientToken()))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.code").value("EXPORT_EXPIRED"));
    }

    @Test
    void erasureDestroysTheClientsExportKeysAndBundles() throws Exception {
        GoalsApi api = assignedClient();
        String location = requestExport(api);
        ClientExportRequested request = assembled(api, location);

        mvc.perform(post("/clients/{c}/erasure", api.client).header("Authorization", api.clientToken()))
                .andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mongo.getCollection("exports").countDocuments(new Document("clientId", api.client))).isZero();
            assertThat(mongo.getCollection("export_keys").countDocuments(new Document("clientId", api.client))).isZero();
            assertThat(documentsContaining(request.exportId())).isEmpty();
        });
    }

    private GoalsApi assignedClient() throws Exception {
        GoalsApi api = new GoalsApi(mvc);
        api.assignClient();
        api.agreedGoal(GoalsApi.PLAIN_GOAL);
        return api;
    }

    private String requestExport(GoalsApi api) throws Exception {
        return mvc.perform(post("/clients/{c}/exports", api.client).header("Authorization", api.clientToken()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getHeader("Location");
    }

    private ClientExportRequested assembled(GoalsApi api, String location) {
        ExportParts parts = new ExportParts(topics, json);
        ClientExportRequested request = parts.requestOf(api);
        parts.answer(api, request, service -> "{\"from\":\"" + service + "\"}");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                mvc.perform(get(location).header("Authorization", api.clientToken())).andExpect(status().isOk()));
        return request;
    }

    /** Collection name to the ids of its documents whose stored form contains the text. */
    private Map<String, List<Object>> documentsContaining(String text) {
        Map<String, List<Object>> found = new java.util.TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.computeIfAbsent(collection, c -> new ArrayList<>()).add(document.get("_id"));
                }
            }
        }
        return found;
    }

    /** Every stored string (at any depth, in any collection) that is, decoded, an RSA private key. */
    private List<String> privateKeysInClear() {
        List<String> found = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                collectPrivateKeys(collection + "/" + document.get("_id"), document, found);
            }
        }
        return found;
    }

    private static void collectPrivateKeys(String where, Object value, List<String> found) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((field, inner) -> collectPrivateKeys(where + "." + field, inner, found));
        } else if (value instanceof List<?> list) {
            list.forEach(inner -> collectPrivateKeys(where, inner, found));
        } else if (value instanceof String text && text.length() > 1000 && isPrivateKey(text)) {
            found.add(where);
        }
    }

    private static boolean isPrivateKey(String text) {
        try {
            KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
            return true;
        } catch (Exception notAKey) {
            return false;
        }
    }
}
