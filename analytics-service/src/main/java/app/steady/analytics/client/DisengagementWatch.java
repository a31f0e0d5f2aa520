package app.steady.analytics.client;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.flags.FlagCandidate;
import app.steady.analytics.flags.FlagKind;
import app.steady.analytics.flags.RiskFlags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Disengagement is the absence of events, so it is found by looking, not by reacting: clients on a caseload quiet for
 * {@code steady.analytics.disengagement-after} calendar days (UTC) get a flag, once per quiet spell (the source key is
 * the day the spell began). Quiet means no completed or skipped homework, mood, journal or questionnaire (a missed
 * occurrence is not activity) since the last activity or, for a client who never did anything, since the start of
 * their open episode, so they are found too. The watch pages through every client, {@value #PAGE} at a time in id order.
 */
@Component
public class DisengagementWatch {

    private static final Logger log = LoggerFactory.getLogger(DisengagementWatch.class);
    static final int PAGE = 500;

    private final MongoTemplate mongo;
    private final RiskFlags flags;
    private final long afterDays;
    private final Clock clock;

    DisengagementWatch(MongoTemplate mongo, RiskFlags flags, @Value("${steady.analytics.disengagement-after}") Duration after,
                       Clock clock) {
        this.mongo = mongo;
        this.flags = flags;
        this.afterDays = after.toDays();
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steady.analytics.disengagement-check-every}")
    public void look() {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        // Quiet since before the start of the day `after` ago (the exact calendar-day count is checked below).
        java.time.Instant cutoff = today.minusDays(afterDays).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String afterId = "";
        List<ClientRecord> page;
        do {
            page = mongo.find(Query.query(where("therapistId").ne(null).and("_id").gt(afterId).orOperator(
                            where("quietSince").lt(cutoff),
                            new Criteria().andOperator(where("quietSince").exists(false), where("lastActivityAt").lt(cutoff))))
                    .with(Sort.by("_id")).limit(PAGE), ClientRecord.class);
            for (ClientRecord record : page) {
                afterId = record.id();
                flagIfQuiet(record, today);
            }
        } while (page.size() == PAGE);
    }

    private void flagIfQuiet(ClientRecord record, LocalDate today) {
        java.time.Instant since = record.quietSince() != null ? record.quietSince() : record.lastActivityAt();
        LocalDate firstQuietDay = since.atZone(ZoneOffset.UTC).toLocalDate();
        long days = ChronoUnit.DAYS.between(firstQuietDay, today);
        if (days < afterDays) {
            return;
        }
        String what = record.lastActivityAt() == null ? "no homework, mood, journal or questionnaire since the episode began "
                + days + " days ago" : "no homework, mood, journal or questionnaire for " + days + " days";
        try {
            flags.raise(record.tenantId(), record.clientId(), record.therapistId(), new FlagCandidate(FlagKind.DISENGAGEMENT,
                    firstQuietDay.toString(), List.of(what), clock.instant()));
        } catch (RuntimeException failure) {
            log.warn("Could not raise a disengagement flag ({}); the next look tries again", failure.toString());
        }
    }
}
