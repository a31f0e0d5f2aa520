package app.steady.platform.keys;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.steady.platform.crypto.AesGcm;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned master keys that wrap every client data key ({@code steady.keys.master-keys}, from
 * {@code STEADY_MASTER_KEYS}): {@code version:base64} pairs, comma-separated, the first being the current one.
 * New keys are wrapped under the current version; any listed version unwraps. A wrapped key names its version
 * ({@code v2:...}), so rotation is: prepend a new version everywhere, let {@link DataKeyRotation} re-wrap, then drop
 * the old version (docs/privacy.md, "Rotating the master key").
 */
public final class MasterKeys {

    public static final String HOW_TO_SET = "steady.keys.master-keys must list version:base64-of-32-bytes pairs, "
            + "the current first, the same for every service (set STEADY_MASTER_KEYS, or a file of that name in "
            + "the secrets directory)";

    private static final String VERSION = "[a-z0-9][a-z0-9-]{0,31}";

    private final Map<String, SecretKey> byVersion;
    private final String current;

    private MasterKeys(Map<String, SecretKey> byVersion, String current) {
        this.byVersion = Map.copyOf(byVersion);
        this.current = current;
    }

    /** Parses {@code v2:base64,v1:base64}; refuses anything else, so a service never starts without its keys. */
    public static MasterKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalStateException(HOW_TO_SET);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            int colon = trimmed.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException(HOW_TO_SET + "; an entry has no version");
            }
            String version = trimmed.substring(0, colon);
            if (!version.matches(VERSION)) {
                throw new IllegalStateException(HOW_TO_SET + "; bad version '" + version + "'");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(trimmed.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(HOW_TO_SET + "; version " + version + " is not base64");
            }
            if (key.length != 32) {
                throw new IllegalStateException(HOW_TO_SET + "; version " + version + " has " + key.length + " bytes");
            }
            if (keys.put(version, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(HOW_TO_SET + "; version " + version + " is listed twice");
            }
        }
        return new MasterKeys(keys, keys.keySet().iterator().next());
    }

    public String currentVersion() {
        return current;
    }

    public Set<String> versions() {
        return byVersion.keySet();
    }

    /** {@code version:base64(nonce + wrapped key + tag)} under the current master key, bound to {@code boundTo}. */
    public String wrap(byte[] dataKey, String boundTo) {
        return current + ":" + Base64.getEncoder().encodeToString(
                AesGcm.encrypt(byVersion.get(current), dataKey, boundTo.getBytes(UTF_8)));
    }

    /** The data key, if the wrapped form names a listed version and opens under it for {@code boundTo}. */
    public Optional<SecretKey> unwrap(String wrapped, String boundTo) {
        Optional<String> version = versionOf(wrapped);
        if (version.isEmpty() || !byVersion.containsKey(version.get())) {
            return Optional.empty();
        }
        try {
            byte[] key = AesGcm.decrypt(byVersion.get(version.get()),
                    Base64.getDecoder().decode(wrapped.substring(version.get().length() + 1)), boundTo.getBytes(UTF_8));
            return Optional.of(new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The master-key version a wrapped key names, if any (keys stored before versions existed name none). */
    public static Optional<String> versionOf(String wrapped) {
        int colon = wrapped == null ? -1 : wrapped.indexOf(':');
        return colon > 0 && wrapped.substring(0, colon).matches(VERSION)
                ? Optional.of(wrapped.substring(0, colon)) : Optional.empty();
    }

    public boolean isCurrent(String wrapped) {
        return versionOf(wrapped).filter(current::equals).isPresent();
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + current + ", versions=" + byVersion.keySet() + "]";
    }
}
