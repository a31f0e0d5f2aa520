package app.steady.goals.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyEncryptionTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final byte[] SECRET = "the bundle's data key".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsWrappedForOneExportOpensOnlyForThatExport() {
        KeyEncryption keyEncryption = KeyEncryption.of(KEY, "kek");
        String wrapped = keyEncryption.encrypt(SECRET, "export-data-key:export-1");

        assertThat(wrapped).doesNotContain(Base64.getEncoder().encodeToString(SECRET));
        assertThat(keyEncryption.decrypt(wrapped, "export-data-key:export-1")).hasValueSatisfying(
                plain -> assertThat(plain).isEqualTo(SECRET));
        assertThat(keyEncryption.decrypt(wrapped, "export-data-key:export-2")).as("copied to another export").isEmpty();
        assertThat(keyEncryption.decrypt(wrapped, "export-private-key:export-1")).as("read as another key").isEmpty();
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String wrapped = KeyEncryption.of(KEY, "kek").encrypt(SECRET, "context");
        KeyEncryption other = KeyEncryption.of(KeyEncryption.newDataKey());

        assertThat(other.decrypt(wrapped, "context")).isEmpty();
        assertThat(other.decrypt("not base64 at all", "context")).isEmpty();
    }

    @Test
    void theKeyEncryptionKeyMustBe256BitsFromConfiguration() {
        assertThatThrownBy(() -> KeyEncryption.of(null, "steady.goals.exports.key-encryption-key"))
                .hasMessageContaining("steady.goals.exports.key-encryption-key must be base64 of 32 bytes");
        assertThatThrownBy(() -> KeyEncryption.of(Base64.getEncoder().encodeToString(new byte[16]), "kek"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> KeyEncryption.of("%%%", "kek")).isInstanceOf(IllegalStateException.class);
    }
}
