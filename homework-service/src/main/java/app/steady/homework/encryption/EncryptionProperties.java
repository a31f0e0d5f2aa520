package app.steady.homework.encryption;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * ({@code steady.homework.encryption.*})
 *
 * @param masterKey   base64 of a 256-bit key that wraps the clients' keys; from the environment or a mounted secret,
 *                    never the repository ({@code STEADY_HOMEWORK_MASTER_KEY})
 * @param keyDatabase the database of the key store, apart from the data ({@code steady-homework-keys})
 */
@ConfigurationProperties("steady.homework.encryption")
public record EncryptionProperties(String masterKey, String keyDatabase) {
}
