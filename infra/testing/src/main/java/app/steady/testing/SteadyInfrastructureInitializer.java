package app.steady.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points a test's application context at the shared broker and store, with the test token secret and a topic prefix
 * of its own (so contexts never read each other's events). Properties a test sets itself still win.
 */
public class SteadyInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String INLINED_TEST_PROPERTIES = "Inlined Test Properties";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        SteadyTestInfrastructure infrastructure = SteadyTestInfrastructure.get();
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", infrastructure.mongoUri());
        properties.put("steady.security.jwt.hmac-secret", SteadyTestInfrastructure.TOKEN_SECRET);
        properties.put("steady.security.jwt.local-mode", true);
        // No goals-service sends caseload heartbeats in a single service's tests (CaseloadStalenessIT turns it on).
        properties.put("steady.caseload.max-staleness", "0s");
        // Webhook and pager receivers of the tests listen on this machine.
        properties.put("steady.reminders.channels.allow-private-hosts", true);
        properties.put("steady.goals.exports.key-encryption-key", SteadyTestInfrastructure.EXPORT_KEY_ENCRYPTION_KEY);
        properties.put("steady.privacy.digest-key", SteadyTestInfrastructure.DIGEST_KEY);
        properties.put("steady.keys.master-keys", SteadyTestInfrastructure.MASTER_KEYS);
        properties.put("steady.events.topic-prefix", "t" + UUID.randomUUID().toString().substring(0, 8) + ".");
        properties.put("steady.events.partitions", 3);
        // Tests write far faster than people; the rate limit has a test of its own.
        properties.put("steady.web.rate-limit.writes-per-caller-per-minute", 100_000);
        properties.put("steady.web.rate-limit.writes-per-tenant-per-minute", 100_000);
        properties.put("steady.web.rate-limit.reads-per-caller-per-minute", 100_000);
        properties.put("steady.web.rate-limit.reads-per-tenant-per-minute", 1_000_000);
        properties.put("steady.outbox.poll-interval", "100ms");
        properties.put("steady.outbox.metrics-interval", "500ms");
        properties.put("management.tracing.sampling.probability", 1.0);
        properties.put("logging.structured.format.console", "");
        // Every filter the service sends that the embedded store would answer by a scan is recorded (issue 17).
        context.addBeanFactoryPostProcessor(beanFactory -> beanFactory.registerSingleton("steadyStoreScans",
                (org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer) settings ->
                        settings.addCommandListener(StoreScans.get())));
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource infrastructureSource = new MapPropertySource("steady-test-infrastructure", properties);
        if (sources.contains(INLINED_TEST_PROPERTIES)) {
            sources.addAfter(INLINED_TEST_PROPERTIES, infrastructureSource);
        } else {
            sources.addFirst(infrastructureSource);
        }
    }
}
