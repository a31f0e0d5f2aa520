package app.steady.platform.config;

import app.steady.platform.audit.AuditController;
import app.steady.platform.audit.AuditEntry;
import app.steady.platform.audit.AuditInterceptor;
import app.steady.platform.audit.AuditTrail;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.caseload.CaseloadReplica;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetyReplica;
import app.steady.platform.consuming.BatchEventProcessor;
import app.steady.platform.consuming.ConsumerProperties;
import app.steady.platform.consuming.DeadLetters;
import app.steady.platform.consuming.EventHandler;
import app.steady.platform.caseload.CaseloadFreshness;
import app.steady.platform.caseload.StaleCaseloadGuard;
import app.steady.platform.consuming.InboundEventReader;
import app.steady.platform.consuming.KeyWait;
import app.steady.platform.keys.DataKeyPublisher;
import app.steady.platform.keys.DataKeyReplica;
import app.steady.platform.keys.DataKeyRotation;
import app.steady.platform.keys.DataKeyStore;
import app.steady.platform.keys.EventOpener;
import app.steady.platform.keys.EventSealer;
import app.steady.platform.keys.KeyStoreDatabase;
import app.steady.platform.keys.KeysProperties;
import app.steady.platform.keys.MasterKeys;
import app.steady.events.Topic;
import com.mongodb.client.MongoClient;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import app.steady.platform.consuming.ProjectionUpdater;
import app.steady.platform.consuming.SubjectScreen;
import app.steady.platform.events.EventJson;
import app.steady.platform.events.EventSchemas;
import app.steady.platform.events.TopicNames;
import app.steady.platform.observability.EventSpans;
import app.steady.platform.observability.KafkaHealthIndicator;
import app.steady.platform.observability.MongoHealthIndicator;
import app.steady.platform.observability.TraceContext;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.privacy.ClientCollections;
import app.steady.platform.privacy.ClientDataOwner;
import app.steady.platform.privacy.ClientErasureHandler;
import app.steady.platform.privacy.ClientExportHandler;
import app.steady.platform.privacy.ErasedClientOutbox;
import app.steady.platform.privacy.ErasedClients;
import app.steady.platform.privacy.SubjectDigest;
import app.steady.platform.outbox.EventRecorder;
import app.steady.platform.outbox.OutboxBacklog;
import app.steady.platform.outbox.OutboxCollections;
import app.steady.platform.outbox.OutboxProperties;
import app.steady.platform.outbox.OutboxRelay;
import app.steady.platform.outbox.OutboxSignal;
import app.steady.platform.outbox.PendingWork;
import app.steady.platform.store.EmbeddedStoreIndexes;
import app.steady.platform.store.KeyedReads;
import app.steady.platform.store.StoreKind;
import app.steady.platform.security.SecurityConfiguration;
import app.steady.platform.web.ProblemDetailsAdvice;
import app.steady.platform.web.RequestSizeLimitFilter;
import app.steady.platform.web.StrictJsonTypes;
import app.steady.platform.web.RateLimitWindows;
import app.steady.platform.web.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.stream.config.ListenerContainerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The one shared auto-configuration: every Steady service gets the outbox, event consumption, security, problem
 * details and observability from here by depending on {@code steady-platform}. Each bean backs off when a service
 * defines its own.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration"})
@EnableConfigurationProperties({OutboxProperties.class, ConsumerProperties.class, KeysProperties.class})
@EnableScheduling
@Import({SecurityConfiguration.class, ProblemDetailsAdvice.class, AuditController.class})
public class SteadyPlatformAutoConfiguration {

    /** A service consumes events exactly when it lists the topics it reads here. */
    static final String CONSUMED_TOPICS = "spring.cloud.stream.bindings.steadyEvents-in-0.destination";

    // ---- events ------------------------------------------------------------------------------------------

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    EventSchemas eventSchemas() {
        return new EventSchemas();
    }

    @Bean
    TopicNames topicNames(@Value("${steady.events.topic-prefix:}") String prefix) {
        return new TopicNames(prefix);
    }

    @Bean
    TraceContext traceContext(ObjectProvider<Tracer> tracer) {
        return new TraceContext(tracer);
    }

    /**
     * The producer of dead letters: idempotent, every in-sync replica acknowledges, bounded waits. (The outbox relay
     * has a transactional one of its own.) Connection settings (servers, TLS, SASL) come from {@code spring.kafka.*},
     * shared with the Spring Cloud Stream binder.
     */
    @Bean(destroyMethod = "close")
    Producer<String, byte[]> steadyEventProducer(KafkaProperties kafka,
                                                  @Value("${steady.kafka.producer.max-block:5s}") java.time.Duration maxBlock) {
        return new KafkaProducer<>(KafkaClientSettings.producer(kafka, maxBlock));
    }

    @Bean
    TopicProvisioner topicProvisioner(KafkaProperties kafka, TopicNames topics, Environment environment,
                                      ConsumerProperties consumer, KeysProperties keys) {
        List<String> consumed = listProperty(environment, CONSUMED_TOPICS);
        TopicProvisioner provisioner = new TopicProvisioner(kafka.buildAdminProperties(), topics,
                environment.getRequiredProperty("spring.application.name"), consumed, consumer.group(),
                environment.getProperty("steady.events.partitions", Integer.class, 12),
                environment.getProperty("steady.events.replication-factor", Short.class, (short) 1),
                Map.of("cleanup.policy", "compact",
                        "segment.ms", Long.toString(keys.topicSegment().toMillis()),
                        "max.compaction.lag.ms", Long.toString(keys.topicMaxCompactionLag().toMillis()),
                        "min.cleanable.dirty.ratio", "0.1"));
        provisioner.provisionInBackground();
        return provisioner;
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka) {
        return new KafkaHealthIndicator(KafkaClientSettings.healthAdmin(kafka));
    }

    @Bean
    MongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoHealthIndicator(mongo);
    }

    // ---- outbox ------------------------------------------------------------------------------------------

    @Bean
    OutboxSignal outboxSignal() {
        return new OutboxSignal();
    }

    @Bean
    EventRecorder eventRecorder(EventSealer sealer, TopicNames topics, TraceContext traceContext, Clock clock) {
        return new EventRecorder(sealer, topics, traceContext, clock);
    }

    @Bean
    PendingWork pendingWork(MongoTemplate mongo) {
        return new PendingWork(mongo);
    }

    /** Asked of the server once at start-up (issue 17): the embedded MongoDB-wire server needs indexes of its own. */
    @Bean
    StoreKind storeKind(MongoTemplate mongo) {
        return StoreKind.of(mongo);
    }

    /** Lookups by a set of unique values, as each kind of store serves them from an index. */
    @Bean
    KeyedReads keyedReads(StoreKind kind) {
        return new KeyedReads(kind);
    }

    /** After the outbox collections (which register the platform's own aggregates with the mapping context). */
    @Bean
    SmartInitializingSingleton embeddedStoreIndexes(MongoTemplate mongo, StoreKind kind, OutboxCollections collections,
                                                    ObjectProvider<EmbeddedStoreIndexes.Keys> serviceKeys,
                                                    ListableBeanFactory beans) {
        List<EmbeddedStoreIndexes.Keys> keys = new ArrayList<>(List.of(
                // the relay removing an entry it emptied, unless a write came since
                EmbeddedStoreIndexes.Keys.of(PendingWork.COLLECTION, "_id", "stamp"),
                // the caseload replica's version-checked copy, and erasure of its client-tenant row
                EmbeddedStoreIndexes.Keys.of(CaseloadReplica.COLLECTION, "_id", "version"),
                EmbeddedStoreIndexes.Keys.of(CaseloadReplica.CLIENT_TENANTS, "_id", "tenantId")));
        serviceKeys.orderedStream().forEach(keys::add);   // a service's own exact-key filters, declared as beans
        return () -> {
            keys.addAll(EmbeddedStoreIndexes.naturalKeysOfRepositories(beans, mongo));
            EmbeddedStoreIndexes.declareIfEmbedded(mongo, kind, keys);
        };
    }

    @Bean
    AggregateStore aggregateStore(MongoTemplate mongo, EventRecorder recorder, OutboxSignal signal, PendingWork pendingWork) {
        return new AggregateStore(mongo, recorder, signal, pendingWork);
    }

    @Bean
    OutboxCollections outboxCollections(MongoTemplate mongo) {
        return new OutboxCollections(mongo, List.of(AuditEntry.class, ErasedClients.storedType(),
                ClientExportHandler.storedType()));
    }

    /**
     * One relay per instance; the lease lets one of a service's instances publish at a time, and the transactional id
     * (the same for all of them) fences an instance that lost the lease but has not noticed yet.
     */
    @Bean
    @ConditionalOnProperty(name = "steady.outbox.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaProperties kafka, TopicNames topics,
                            @Value("${steady.kafka.producer.max-block:5s}") java.time.Duration maxBlock,
                            OutboxCollections collections, PendingWork pendingWork, OutboxSignal signal,
                            OutboxProperties properties, Environment environment, MeterRegistry meters, Clock clock) {
        String service = environment.getRequiredProperty("spring.application.name");
        String transactionalId = topics.deploymentScoped("steady-outbox-" + service);
        return new OutboxRelay(mongo, () -> new KafkaProducer<>(KafkaClientSettings.transactionalProducer(kafka, maxBlock,
                properties.sendTimeout(), transactionalId)), collections, pendingWork, signal, properties, service,
                environment.getRequiredProperty("steady.instance-id"), meters, clock);
    }

    @Bean
    OutboxBacklog outboxBacklog(PendingWork pendingWork, MeterRegistry meters, Clock clock) {
        return new OutboxBacklog(pendingWork, meters, clock);
    }

    // ---- consuming ---------------------------------------------------------------------------------------

    @Bean
    InboundEventReader inboundEventReader(EventJson json, EventSchemas schemas, TopicNames topics, EventOpener opener) {
        return new InboundEventReader(json, schemas, topics, opener);
    }

    @Bean
    KeyWait keyWait(KeysProperties keys, Clock clock, MeterRegistry meters) {
        return new KeyWait(keys.maxWait(), clock, meters);
    }

    @Bean
    DeadLetters deadLetters(Producer<String, byte[]> steadyEventProducer, TopicNames topics,
                            ConsumerProperties properties, Environment environment, MeterRegistry meters) {
        return new DeadLetters(steadyEventProducer, topics, properties.group(),
                listProperty(environment, CONSUMED_TOPICS), meters);
    }

    @Bean
    ProjectionUpdater projectionUpdater(MongoTemplate mongo, KeyedReads keyedReads) {
        return new ProjectionUpdater(mongo, keyedReads);
    }

    /** The Spring Cloud Stream function a consuming service binds as {@code steadyEvents-in-0}. */
    @Bean
    @ConditionalOnProperty(CONSUMED_TOPICS)
    Consumer<Message<List<byte[]>>> steadyEvents(InboundEventReader reader, List<EventHandler> handlers,
                                                 SubjectScreen screen, DeadLetters deadLetters,
                                                 EventSpans eventSpans, ConsumerProperties properties,
                                                 KeyWait keyWait, MeterRegistry meters, Clock clock) {
        return new BatchEventProcessor(reader, handlers, screen, deadLetters, eventSpans, properties, keyWait, meters,
                clock);
    }

    @Bean
    EventSpans eventSpans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new EventSpans(tracer, propagator);
    }

    @Bean
    SubjectScreen subjectScreen(CaseloadDirectory caseload, ErasedClients erasedClients, SubjectDigest digest) {
        return new SubjectScreen(caseload, erasedClients, digest);
    }

    /**
     * A batch that fails because the store or broker is unreachable is redelivered with growing pauses until they are
     * back: never skipped, never dead-lettered. (Event-level failures are handled inside the processor.) Offsets
     * behind transaction markers are committed, so lag means unapplied events.
     */
    @Bean
    ListenerContainerCustomizer<AbstractMessageListenerContainer<?, ?>> steadyRedeliveryUntilRecovered(
            ConsumerProperties properties) {
        return (container, destination, group) -> {
            ExponentialBackOff backOff = new ExponentialBackOff(properties.transientBackoffInitial().toMillis(), 2.0);
            backOff.setMaxInterval(properties.transientBackoffMax().toMillis());
            backOff.setMaxElapsedTime(Long.MAX_VALUE);
            container.setCommonErrorHandler(new DefaultErrorHandler(backOff));
            // The relay publishes in transactions: each ends with a commit marker that takes an offset but is never
            // delivered. Without this, a caught-up group's committed offset stays one short of the end and its lag
            // (alerts, KEDA) never reaches 0.
            container.getContainerProperties().setFixTxOffsets(true);
        };
    }

    // ---- event data keys (crypto-shredding of Kafka's history) -------------------------------------------------

    @Bean
    MasterKeys masterKeys(KeysProperties keys) {
        return MasterKeys.parse(keys.masterKeys());
    }

    /** The key store: its own database, and its own cluster when {@code steady.keys.store-uri} is set. */
    @Bean
    KeyStoreDatabase keyStoreDatabase(KeysProperties keys, MongoClient serviceMongo) {
        return KeyStoreDatabase.of(keys, serviceMongo);
    }

    @Bean
    DataKeyStore dataKeyStore(KeyStoreDatabase keyStore, MasterKeys masterKeys, SubjectDigest digest, Clock clock) {
        return new DataKeyStore(keyStore.template(), masterKeys, digest, clock);
    }

    @Bean(destroyMethod = "stop")
    DataKeyPublisher dataKeyPublisher(DataKeyStore store, Producer<String, byte[]> steadyEventProducer,
                                      TopicNames topics, EventJson json, KeysProperties keys, Environment environment,
                                      MeterRegistry meters) {
        String service = environment.getRequiredProperty("spring.application.name");
        Topic own = Arrays.stream(Topic.values()).filter(topic -> topic.producer().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException(service + " produces no topic of the catalogue"));
        DataKeyPublisher publisher = new DataKeyPublisher(store, steadyEventProducer, topics.keysOf(own), service,
                json, meters);
        publisher.startInBackground(keys.publishEvery());
        return publisher;
    }

    @Bean
    DataKeyRotation dataKeyRotation(DataKeyStore store, DataKeyPublisher publisher, MeterRegistry meters) {
        return new DataKeyRotation(store, publisher, meters);
    }

    @Bean
    EventSealer eventSealer(EventJson json, DataKeyStore store) {
        return new EventSealer(json, store);
    }

    @Bean(destroyMethod = "stop")
    DataKeyReplica dataKeyReplica(KafkaProperties kafka, TopicNames topics, MasterKeys masterKeys, SubjectDigest digest,
                                  EventJson json, MeterRegistry meters) {
        DataKeyReplica replica = new DataKeyReplica(
                () -> new KafkaConsumer<>(KafkaClientSettings.keyTopicConsumer(kafka)), topics, masterKeys, digest, json,
                meters);
        replica.startInBackground();
        return replica;
    }

    @Bean
    EventOpener eventOpener(EventJson json, DataKeyReplica replica) {
        return new EventOpener(json, replica);
    }

    // ---- caseload ----------------------------------------------------------------------------------------

    /** Services other than the caseload's owner keep a replica of it from goals-service's events. */
    @Bean
    @ConditionalOnMissingBean(CaseloadDirectory.class)
    @ConditionalOnProperty(CONSUMED_TOPICS)
    CaseloadReplica caseloadReplica(MongoTemplate mongo, KeyedReads keyedReads) {
        return new CaseloadReplica(mongo, keyedReads);
    }

    @Bean
    @ConditionalOnMissingBean(TenantSafetyDirectory.class)
    @ConditionalOnProperty(CONSUMED_TOPICS)
    TenantSafetyReplica tenantSafetyReplica(MongoTemplate mongo) {
        return new TenantSafetyReplica(mongo);
    }

    /**
     * How current this service's copy of the caseload is, from goals-service's heartbeats; the owner's own caseload is
     * always current (the check is off there).
     */
    @Bean
    @ConditionalOnProperty(CONSUMED_TOPICS)
    CaseloadFreshness caseloadFreshness(CaseloadDirectory directory,
                                        @Value("${steady.caseload.max-staleness}") java.time.Duration maxStaleness,
                                        Clock clock, MeterRegistry meters) {
        return new CaseloadFreshness(directory instanceof CaseloadReplica ? maxStaleness : java.time.Duration.ZERO,
                clock, meters);
    }

    @Bean
    @ConditionalOnProperty(CONSUMED_TOPICS)
    WebMvcConfigurer staleCaseloadGuard(CaseloadFreshness freshness, MeterRegistry meters) {
        StaleCaseloadGuard guard = new StaleCaseloadGuard(freshness, meters);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(guard).excludePathPatterns("/actuator/**");
            }
        };
    }

    @Bean
    ClientAccess clientAccess(CaseloadDirectory directory, ErasedClients erasedClients) {
        return new ClientAccess(directory, erasedClients);
    }

    // ---- privacy -------------------------------------------------------------------------------------------

    /**
     * The keyed digest that names erased clients (tombstones, proofs, pseudonymised audit). The key is a secret, the
     * same for every service; without it the service does not start.
     */
    @Bean
    SubjectDigest subjectDigest(@Value("${steady.privacy.digest-key:}") String key) {
        return SubjectDigest.withBase64Key(key);
    }

    @Bean
    ErasedClients erasedClients(MongoTemplate mongo, AggregateStore store, SubjectDigest digest, KeyedReads keyedReads) {
        return new ErasedClients(mongo, store, digest, keyedReads);
    }

    /** Takes an erased client's id out of the events still waiting in this service's outbox. */
    @Bean
    ErasedClientOutbox erasedClientOutbox(MongoTemplate mongo, OutboxCollections collections, SubjectDigest digest,
                                          EventJson json) {
        return new ErasedClientOutbox(mongo, collections, digest, json);
    }

    /** The service's per-client collections, erased and exported as stored (docs/configuration.md). */
    @Bean
    ClientCollections clientCollections(MongoTemplate mongo, EventJson json, Environment environment) {
        return new ClientCollections(mongo, json, listProperty(environment, "steady.privacy.client-collections"),
                listProperty(environment, "steady.privacy.erase-only-collections"));
    }

    @Bean
    @ConditionalOnProperty(CONSUMED_TOPICS)
    ClientErasureHandler clientErasureHandler(List<ClientDataOwner> owners, AuditTrail audit, ErasedClientOutbox outbox,
                                              ErasedClients erased,
                                              Environment environment, Clock clock) {
        return new ClientErasureHandler(owners, audit, outbox, erased, environment.getRequiredProperty("spring.application.name"),
                clock);
    }

    @Bean
    @ConditionalOnProperty(CONSUMED_TOPICS)
    ClientExportHandler clientExportHandler(List<ClientDataOwner> owners, AggregateStore store, MongoTemplate mongo,
                                            EventJson json, Environment environment, Clock clock) {
        return new ClientExportHandler(owners, store, mongo, json,
                environment.getRequiredProperty("spring.application.name"), clock);
    }

    private static List<String> listProperty(Environment environment, String name) {
        return Arrays.stream(environment.getProperty(name, "").split(",")).map(String::trim)
                .filter(value -> !value.isEmpty()).toList();
    }

    // ---- audit ---------------------------------------------------------------------------------------------

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, @Value("${steady.audit.retention}") java.time.Duration retention, Clock clock,
                          SubjectDigest digest) {
        return new AuditTrail(mongo, retention, clock, digest);
    }

    @Bean
    WebMvcConfigurer auditInterceptorRegistration(AggregateStore store, Environment environment, Clock clock) {
        AuditInterceptor interceptor = new AuditInterceptor(store,
                environment.getRequiredProperty("spring.application.name"), clock);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/clients/**");
            }
        };
    }

    @Bean
    @ConditionalOnProperty(name = "steady.web.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    RateLimitWindows rateLimitWindows(MongoTemplate mongo, Clock clock) {
        return new RateLimitWindows(mongo, clock);
    }

    /** Requests per caller and per tenant, reads and writes apart, counted in windows every instance shares. */
    @Bean
    @ConditionalOnProperty(name = "steady.web.rate-limit.enabled", havingValue = "true", matchIfMissing = true)
    WebMvcConfigurer rateLimit(RateLimitWindows windows, SubjectDigest digest,
                               @Value("${steady.web.rate-limit.writes-per-caller-per-minute}") int writesPerCaller,
                               @Value("${steady.web.rate-limit.writes-per-tenant-per-minute}") int writesPerTenant,
                               @Value("${steady.web.rate-limit.reads-per-caller-per-minute}") int readsPerCaller,
                               @Value("${steady.web.rate-limit.reads-per-tenant-per-minute}") int readsPerTenant,
                               MeterRegistry meters) {
        RateLimiter limiter = new RateLimiter(windows, digest,
                new RateLimiter.Limits(writesPerCaller, writesPerTenant, readsPerCaller, readsPerTenant), meters);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(limiter).excludePathPatterns("/actuator/**");
            }
        };
    }

    // ---- web ---------------------------------------------------------------------------------------------

    /** API bodies take JSON types as they are (no number-to-text or text-to-number coercion). */
    @Bean
    StrictJsonTypes strictJsonTypes() {
        return new StrictJsonTypes();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${steady.web.max-request-size}") DataSize limit) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }
}
