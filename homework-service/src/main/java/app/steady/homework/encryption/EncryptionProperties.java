package app.steady.homework.encryption;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.homework.encryption.*}). The journal keys are wrapped by the platform's versioned master keys
 * ({@code steady.keys.master-keys}) and kept in its key store ({@code steady.keys.store-*}).
 *
 * @param legacyMasterKey base64 of the single 256-bit master key that wrapped journal keys before master keys were
 *                        versioned ({@code STEADY_HOMEWORK_MASTER_KEY}); needed only until they are re-wrapped
 */
@ConfigurationProperties("steady.homework.encryption")
public record EncryptionProperties(String legacyMasterKey) {
}
