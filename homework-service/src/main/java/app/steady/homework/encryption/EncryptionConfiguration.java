package app.steady.homework.encryption;

import com.mongodb.client.MongoClient;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EncryptionProperties.class)
class EncryptionConfiguration {

    @Bean
    ClientKeyStore clientKeyStore(MongoClient mongo, EncryptionProperties properties, Clock clock) {
        return new ClientKeyStore(new MongoTemplate(mongo, properties.keyDatabase()), properties, clock);
    }

    @Bean
    TextCipher textCipher(ClientKeyStore keys) {
        return new TextCipher(keys);
    }
}
