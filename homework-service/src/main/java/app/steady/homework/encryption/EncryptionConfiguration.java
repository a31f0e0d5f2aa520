package app.steady.homework.encryption;

import app.steady.platform.keys.KeyStoreDatabase;
import app.steady.platform.keys.MasterKeys;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class EncryptionConfiguration {

    @Bean
    ClientKeyStore clientKeyStore(KeyStoreDatabase keyStore, MasterKeys masterKeys, EncryptionProperties properties,
                                  MeterRegistry meters, Clock clock) {
        return new ClientKeyStore(keyStore.template(), masterKeys, properties.legacyMasterKey(), meters, clock);
    }

    @Bean
    TextCipher textCipher(ClientKeyStore keys) {
        return new TextCipher(keys);
    }
}
