package app.steady.analytics.digest;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.client.ClientInsights;
import app.steady.analytics.client.ClientRecord;
import app.steady.analytics.client.TherapistCaseloads;
import app.steady.analytics.flags.RiskFlags;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.errors.NotFoundException;
import app.steady.platform.outbox.AggregateStore;
import app.steady.platform.security.Caller;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/** Makes each therapist's weekly digest once, when it is due, and shows the latest one. */
@Service
public class WeeklyDigests {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final RiskFlags flags;
    private final DigestProperties properties;
    private final ClientAccess access;
    private final Clock clock;
    private final TherapistCaseloads caseloads;

    WeeklyDigests(MongoTemplate mongo, AggregateStore store, RiskFlags flags, DigestProperties properties,
                  ClientAccess access, Clock clock, TherapistCaseloads caseloads) {
        this.caseloads = caseloads;
        this.mongo = mongo;
        this.store = store;
        this.flags = flags;
        this.properties = properties;
        this.access = access;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${steady.analytics.digest.check-every}")
    public void makeDueDigests() {
        ZoneId zone = ZoneId.of(properties.timeZone());
        ZonedDateTime now = clock.instant().atZone(zone);
        LocalDate weekStart = now.toLocalDate().with(TemporalAdjusters.previousOrSame(properties.dayOfWeek()));
        ZonedDateTime due = ZonedDateTime.ofLocal(weekStart.atTime(properties.localTime()), zone, null);
        if (now.isBefore(due)) {
            return;
        }
        caseloads.therapists().forEach(therapist ->
                make(therapist.tenantId(), therapist.ownerId(), weekStart.minusWeeks(1), clock.instant()));
    }

    /** Makes the digest of the week starting {@code weekStarting}, unless it exists. */
    void make(String tenantId, String therapistId, LocalDate weekStarting, Instant now) {
        String id = TherapistDigest.idOf(tenantId, therapistId, weekStarting);
        if (mongo.exists(Query.query(where("_id").is(id)), TherapistDigest.class)) {
            return;
        }
        List<ClientInsights.Summary> summaries = new ArrayList<>();
        for (ClientRecord record : caseloads.of(tenantId, therapistId)) {
            summaries.add(ClientInsights.summarize(record, flags.openAndRecent(tenantId, record.clientId()), now));
        }
        List<Double> adherence = summaries.stream().map(s -> s.adherence().last28Days()).filter(Objects::nonNull).toList();
        TherapistDigest digest = new TherapistDigest(id, tenantId, therapistId, weekStarting, summaries.size(),
                (int) summaries.stream().filter(s -> s.status() == ClientInsights.Status.IMPROVING).count(),
                (int) summaries.stream().filter(s -> s.status() == ClientInsights.Status.NEEDS_ATTENTION).count(),
                (int) summaries.stream().mapToLong(ClientInsights.Summary::openFlags).sum(),
                adherence.isEmpty() ? null : Math.round(adherence.stream().mapToDouble(Double::doubleValue).average().orElseThrow() * 100) / 100.0,
                summaries.stream().filter(s -> s.status() == ClientInsights.Status.NEEDS_ATTENTION).map(ClientInsights.Summary::clientId).toList(),
                now, null);
        try {
            store.insert(digest, tenantId, digest.ready());
        } catch (DuplicateKeyException madeByAnotherInstance) {
            // once per week and therapist
        }
    }

    /**
     * The therapist's latest digest, naming only the clients they treat now: one who has moved to another therapist
     * since it was made is no longer theirs to see (issue 16); the week's counts stay as they were.
     */
    public TherapistDigest latest(Caller therapist) {
        TherapistDigest digest = mongo.find(Query.query(where("tenantId").is(therapist.tenantId()).and("therapistId").is(therapist.userId()))
                        .with(Sort.by(Sort.Direction.DESC, "weekStarting")).limit(1), TherapistDigest.class)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("Digest"));
        return digest.naming(digest.needingAttentionClients().stream()
                .filter(client -> access.mayAccess(therapist, client)).toList());
    }
}
