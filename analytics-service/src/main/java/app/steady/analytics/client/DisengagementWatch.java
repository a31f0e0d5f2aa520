package app.steady.analytics.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.flags.FlagCandidate;
import app.steady.analytics.flags.FlagKind;
import app.steady.analytics.flags.RiskFlags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Disengagement is the absence of events, so it is found by looking, not by reacting: clients on a caseload with no
 * activity for {@code steady.analytics.disengagement-after} get a flag, once per period of inactivity (the episode is
 * the day of their last activity).
 */
@Component
public class DisengagementWatch {

    private final MongoTemplate mongo;
    private final RiskFlags flags;
    private final Duration after;
    private final Clock clock;

    DisengagementWatch(MongoTemplate mongo, RiskFlags flags, @Value("${steady.analytics.disengagement-after}") Duration after,
                       Clock clock) {
        this.mongo = mongo;
        this.flags = flags;
        this.after = after;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steady.analytics.disengagement-check-every}")
    public void look() {
        Instant now = clock.instant();
        List<ClientRecord> quiet = mongo.find(Query.query(where("therapistId").ne(null)
                .and("lastActivityAt").lt(now.minus(after))).limit(1000), ClientRecord.class);
        for (ClientRecord record : quiet) {
            long days = Duration.between(record.lastActivityAt(), now).toDays();
            flags.raise(record.tenantId(), record.clientId(), record.therapistId(), new FlagCandidate(FlagKind.DISENGAGEMENT,
                    record.lastActivityAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                    List.of("no homework, mood, journal or questionnaire for " + days + " days"), now));
        }
    }
}
