package app.steady.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.steady.platform.config.PlatformDefaults;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The digest that names erased clients cannot be recomputed from a guessed id without the key (issue 15, defect 5),
 * and every service holding the key computes the same one.
 */
class SubjectDigestTest {

    static final String KEY = key('k');
    final SubjectDigest digest = SubjectDigest.withBase64Key(KEY);

    @TempDir
    Path secrets;

    @Test
    void twoKeysGiveDifferentDigestsOfTheSameClient() {
        assertThat(digest.of("tenant-1", "client-1"))
                .isNotEqualTo(SubjectDigest.withBase64Key(key('x')).of("tenant-1", "client-1"));
    }

    @Test
    void everyServiceWithTheKeyComputesTheSameDigest() {
        assertThat(SubjectDigest.withBase64Key(KEY).of("tenant-1", "client-1")).isEqualTo(digest.of("tenant-1", "client-1"))
                .startsWith(SubjectDigest.KEYED_PREFIX).hasSize(SubjectDigest.KEYED_PREFIX.length() + 64);
        assertThat(digest.of("tenant-1", "client-2")).isNotEqualTo(digest.of("tenant-1", "client-1"));
        assertThat(digest.of("tenant-2", "client-1")).isNotEqualTo(digest.of("tenant-1", "client-1"));
    }

    @Test
    void theUnsaltedSha256OfTenantAndClientNoLongerMatches() throws Exception {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest("tenant-1:client-1".getBytes(StandardCharsets.UTF_8)));

        assertThat(digest.of("tenant-1", "client-1")).doesNotContain(hex);
        assertThat(SubjectDigest.unkeyed("tenant-1", "client-1")).as("the old form, only ever looked up")
                .isEqualTo("sha256:" + hex);
        assertThat(digest.storedForms("tenant-1", "client-1"))
                .containsExactly(digest.of("tenant-1", "client-1"), "sha256:" + hex);
    }

    @Test
    void theTenantAndClientCannotBeShiftedIntoEachOther() {
        assertThat(digest.of("a:b", "c")).isNotEqualTo(digest.of("a", "b:c"));
    }

    @Test
    void aMissingShortOrMalformedKeyStopsStartUpNamingWhatToSet() {
        for (String bad : new String[] {null, "", "  ", "not base64!",
                Base64.getEncoder().encodeToString(new byte[SubjectDigest.MIN_KEY_BYTES - 1])}) {
            assertThatThrownBy(() -> SubjectDigest.withBase64Key(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("steady.privacy.digest-key").hasMessageContaining("STEADY_PRIVACY_DIGEST_KEY");
        }
    }

    @Test
    void theKeyIsReadLikeTheOtherSecretsFromTheEnvironmentOrAMountedFile() throws IOException {
        Files.writeString(secrets.resolve("STEADY_PRIVACY_DIGEST_KEY"), KEY + "\n");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("STEADY_SECRETS_DIR", secrets.toString())));

        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("steady.privacy.digest-key")).isEqualTo(KEY);
    }

    @Test
    void theKeyNeverShowsInToString() {
        assertThat(digest.toString()).doesNotContain(KEY);
    }

    private static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes(StandardCharsets.US_ASCII));
    }
}
