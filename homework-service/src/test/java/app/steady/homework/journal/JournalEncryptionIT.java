package app.steady.homework.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.steady.events.CloudEventHeaders;
import app.steady.events.EventType;
import app.steady.events.Topic;
import app.steady.homework.encryption.ClientKeyStore;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.keys.EventOpener;
import app.steady.testing.KafkaTestClient;
import app.steady.testing.SealedEventData;
import app.steady.testing.SteadyIntegrationTest;
import app.steady.testing.TestCaseload;
import app.steady.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Journal text is encrypted with the client's key, shared only when they choose, and gone when the key is. */
@SteadyIntegrationTest
class JournalEncryptionIT {

    static final String SECRET = "Today I told my sister how low I have been feeling";

    @Autowired
    EventOpener opener;
    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    ClientKeyStore keys;
    @Autowired
    TopicNames topics;
    @Autowired
    EventJson json;
    @Autowired
    EventSchemas schemas;
    @Autowired
    CaseloadDirectory caseload;

    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();
    final String therapist = "therapist-" + UUID.randomUUID();

    @BeforeEach
    void caseload() {
        TestCaseload.assign(topics, json, caseload, tenant, client, therapist);
    }

    @Test
    void theTextIsStoredEncryptedAndReadBackByTheClient() throws Exception {
        String entry = write(SECRET, false);

        Document stored = mongo.getCollection("journal_entries").find(new Document("_id", idOf(entry))).first();
        assertThat(stored.toJson()).doesNotContain("sister").doesNotContain("feeling");
        assertThat(stored.getString("encryptedText")).isNotBlank();

        mvc.perform(get(entry).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(jsonPath("$.text").value(SECRET))
                .andExpect(jsonPath("$.wordCount").value(11));
    }

    @Test
    void theTherapistReadsOnlyWhatTheClientShared() throws Exception {
        String privateEntry = write("Only for me", false);
        write("You may read this", true);
        mvc.perform(get(privateEntry).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/clients/{c}/journal", client).header("Authorization", TestTokens.therapist(tenant, therapist)))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].text").value("You may read this"));
        mvc.perform(post("/clients/{c}/journal", client).header("Authorization", TestTokens.therapist(tenant, therapist))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"x\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void withoutTheClientsKeyARawCopyCannotBeRead() throws Exception {
        String entry = write(SECRET, true);
        Document rawCopyTakenBeforeErasure = mongo.getCollection("journal_entries").find(new Document("_id", idOf(entry))).first();

        keys.destroy(tenant, client);

        mvc.perform(get(entry).header("Authorization", TestTokens.client(tenant, client)))
                .andExpect(jsonPath("$.unreadable").value(true))
                .andExpect(jsonPath("$.text").doesNotExist());
        assertThat(keys.existingKeyFor(tenant, client)).isEmpty();
        assertThat(rawCopyTakenBeforeErasure.toJson()).doesNotContain("sister");
    }

    @Test
    void theEventCarriesMetadataOnly() throws Exception {
        write(SECRET, true);
        ConsumerRecord<String, byte[]> recorded = KafkaTestClient.shared().readUntil(topics.of(Topic.HOMEWORK), Duration.ofSeconds(30),
                        records -> records.stream().anyMatch(this::ours))
                .stream().filter(this::ours).findFirst().orElseThrow();
        String data = new String(recorded.value());
        assertThat(data).doesNotContain("sister");
        assertThat(schemas.violations(EventType.JOURNAL_ENTRY_RECORDED, SealedEventData.opened(opener, recorded))).isEmpty();
        assertThat(SealedEventData.opened(opener, recorded).get("sharedWithTherapist").asBoolean()).isTrue();
    }

    private boolean ours(ConsumerRecord<String, byte[]> record) {
        return tenant.equals(KafkaTestClient.header(record, CloudEventHeaders.TENANT))
                && EventType.JOURNAL_ENTRY_RECORDED.type().equals(KafkaTestClient.header(record, CloudEventHeaders.TYPE));
    }

    private String write(String text, boolean shared) throws Exception {
        return mvc.perform(post("/clients/{c}/journal", client).header("Authorization", TestTokens.client(tenant, client))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"" + text + "\",\"sharedWithTherapist\":" + shared + "}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
    }

    private static String idOf(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
