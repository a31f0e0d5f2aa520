package app.steady.goals.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.goals.exports.*})
 *
 * @param keyEncryptionKey base64 of a 256-bit key that wraps every export's keys (its private key while the parts
 *                         arrive, its bundle's data key until the download window closes); from a secret, never the
 *                         repository ({@code STEADY_GOALS_EXPORT_KEY_ENCRYPTION_KEY})
 */
@ConfigurationProperties("steady.goals.exports")
public record ExportsProperties(String keyEncryptionKey) {
}
