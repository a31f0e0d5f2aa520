package app.steady.homework.encryption;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.steady.platform.crypto.AesGcm;
import app.steady.platform.keys.MasterKeys;
import app.steady.testing.SteadyTestInfrastructure;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The journal key store on versioned master keys (issue 15, defect 3): a key stored under the single legacy master key
 * is re-wrapped under the current version, then under a newer one, and finally opens with only that version listed;
 * the journal text encrypted at the start stays readable throughout, because the client's key itself never changes.
 */
class JournalKeyRotationIT {

    static final String LEGACY = key(7);
    static final String V1 = "v1:" + key(1);
    static final String V2 = "v2:" + key(2);

    final MongoClient mongo = MongoClients.create(SteadyTestInfrastructure.get().mongoUri());
    final MongoTemplate keyStore = new MongoTemplate(mongo, "journal-keys-" + UUID.randomUUID());
    final String tenant = "tenant-" + UUID.randomUUID();
    final String client = "client-" + UUID.randomUUID();

    @AfterEach
    void close() {
        mongo.close();
    }

    @Test
    void aLegacyKeyIsRewrappedUnderEachNewVersionAndTheTextStaysReadable() throws Exception {
        String id = tenant + ":" + client;
        SecretKey journalKey = KeyGenerator.getInstance("AES").generateKey();
        keyStore.getCollection(ClientKeyStore.COLLECTION).insertOne(new Document("_id", id)
                .append("wrappedKey", Base64.getEncoder().encodeToString(AesGcm.encrypt(
                        new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(LEGACY), "AES"),
                        journalKey.getEncoded(), id.getBytes(UTF_8))))
                .append("createdAt", Instant.now()));

        ClientKeyStore withLegacy = store(V1, LEGACY);
        String encrypted = new TextCipher(withLegacy).encrypt(tenant, client, "entry-1", "Walked by the river");
        assertThat(withLegacy.rewrapOlderKeys()).as("the legacy key, re-wrapped under v1").isEqualTo(1);
        assertThat(wrapped(id)).startsWith("v1:");

        ClientKeyStore rotated = store(V2 + "," + V1, null);
        assertThat(rotated.rewrapOlderKeys()).as("re-wrapped under v2").isEqualTo(1);
        assertThat(rotated.rewrapOlderKeys()).as("nothing left to re-wrap").isZero();
        assertThat(wrapped(id)).startsWith("v2:");

        ClientKeyStore onlyV2 = store(V2, null);
        assertThat(new TextCipher(onlyV2).decrypt(tenant, client, "entry-1", encrypted)).contains("Walked by the river");
        assertThat(onlyV2.keyFor(tenant, client).getEncoded()).isEqualTo(journalKey.getEncoded());
        assertThatThrownBy(() -> store(V1, null).keyFor(tenant, client))
                .as("a version the key is no longer wrapped under does not open it")
                .hasMessageContaining("does not list");
    }

    private ClientKeyStore store(String masterKeys, String legacy) {
        return new ClientKeyStore(keyStore, MasterKeys.parse(masterKeys), legacy, new SimpleMeterRegistry(),
                Clock.systemUTC());
    }

    private String wrapped(String id) {
        return keyStore.getCollection(ClientKeyStore.COLLECTION).find(new Document("_id", id)).first()
                .getString("wrappedKey");
    }

    private static String key(int seed) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) seed);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
