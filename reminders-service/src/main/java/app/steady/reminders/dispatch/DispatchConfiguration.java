package app.steady.reminders.dispatch;

import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.store.KeyedReads;
import app.steady.reminders.boundaries.ClientBoundaries;
import app.steady.reminders.channels.ChannelProperties;
import app.steady.reminders.channels.ReminderChannel;
import app.steady.reminders.channels.RiskDeliveryFailures;
import app.steady.reminders.scheduling.DueReminders;
import app.steady.reminders.scheduling.ReminderBook;
import app.steady.reminders.scheduling.ReminderProperties;
import app.steady.reminders.scheduling.ReminderStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ReminderProperties.class, ChannelProperties.class})
class DispatchConfiguration {

    @Bean
    Dispatcher dispatcher(@Value("${steady.instance-id}") String instanceId, MongoTemplate mongo, AggregateStore store,
                          ClientBoundaries boundaries, List<ReminderChannel> channels, ChannelProperties channelProperties,
                          ReminderProperties properties, MeterRegistry meters, Clock clock, ReminderBook book,
                          RiskDeliveryFailures riskFailures, DueReminders due, KeyedReads keyedReads,
                          ClientSends clientSends) {
        return new Dispatcher(instanceId, mongo, store, boundaries, channels, channelProperties, properties, meters, clock,
                book, riskFailures, due, keyedReads, clientSends);
    }

    @Bean
    DispatchLoop dispatchLoop(Dispatcher dispatcher, MongoTemplate mongo, MeterRegistry meters, Clock clock) {
        return new DispatchLoop(dispatcher, mongo, meters, clock);
    }

    /** Runs the dispatcher on a schedule and measures the due backlog ({@code steady.reminders.due.backlog}). */
    static class DispatchLoop {

        private final Dispatcher dispatcher;
        private final MongoTemplate mongo;
        private final Clock clock;
        private final AtomicLong backlog = new AtomicLong();

        DispatchLoop(Dispatcher dispatcher, MongoTemplate mongo, MeterRegistry meters, Clock clock) {
            this.dispatcher = dispatcher;
            this.mongo = mongo;
            this.clock = clock;
            Gauge.builder("steady.reminders.due.backlog", backlog, AtomicLong::get)
                    .description("Reminders due now and not yet dispatched").register(meters);
        }

        @Scheduled(fixedDelayString = "${steady.reminders.dispatch-interval}")
        void dispatch() {
            while (dispatcher.dispatchDue() > 0) {
                // keep going while a full batch was handled
            }
        }

        @Scheduled(fixedDelayString = "${steady.outbox.metrics-interval}")
        void measure() {
            backlog.set(mongo.count(Query.query(Criteria.where("status").is(ReminderStatus.SCHEDULED)
                    .and("sendAt").lte(clock.instant())), "reminders"));
        }
    }
}
