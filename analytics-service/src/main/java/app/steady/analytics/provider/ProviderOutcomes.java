package app.steady.analytics.provider;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.client.ClientInsights;
import app.steady.analytics.client.ClientRecord;
import app.steady.analytics.client.Episode;
import app.steady.analytics.clinical.EpisodeOutcome;
import app.steady.platform.security.Caller;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Aggregates of a tenant, with small cells suppressed. Outcomes are counted per episode of care (NHS Talking Therapies
 * categories, {@link EpisodeOutcome}), grouped by the episode's therapist; a cell shows nothing unless it stands for at
 * least {@value #MIN_CELL} clients.
 */
@Service
public class ProviderOutcomes {

    /** The smallest number of clients a shown cell may stand for. */
    public static final int MIN_CELL = 10;

    private final MongoTemplate mongo;

    ProviderOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * {@code episodes}: episodes with an outcome (a baseline and a later score); {@code recoveryRate} and
     * {@code reliableRecoveryRate} over those that started at caseness; {@code reliableImprovementRate} over all of them.
     */
    public record Cell(String group, Integer clients, Integer episodes, Double value,
                       Map<EpisodeOutcome.Category, Integer> outcomes, Double recoveryRate, Double reliableRecoveryRate,
                       Double reliableImprovementRate, boolean suppressed) {

        static Cell suppressed(String group) {
            return new Cell(group, null, null, null, null, null, null, null, true);
        }
    }

    public record Report(List<Cell> byTherapist, Cell tenant, List<Cell> adherenceByWeek) {
    }

    private record Measured(String clientId, String therapistId, EpisodeOutcome outcome) {
    }

    public Report of(Caller admin) {
        List<ClientRecord> records = mongo.find(Query.query(where("tenantId").is(admin.tenantId())), ClientRecord.class);
        List<Measured> measured = new ArrayList<>();
        Map<String, Set<String>> clientsByTherapist = new TreeMap<>();
        for (ClientRecord record : records) {
            List<Episode> episodes = record.episodes().isEmpty() ? java.util.Collections.singletonList(null) : record.episodes();
            for (Episode episode : episodes) {
                String therapist = episode == null ? record.therapistId() : episode.therapistId();
                if (therapist != null) {
                    clientsByTherapist.computeIfAbsent(therapist, t -> new HashSet<>()).add(record.clientId());
                }
                ClientInsights.episodeOutcome(record, episode)
                        .ifPresent(outcome -> measured.add(new Measured(record.clientId(), therapist, outcome)));
            }
        }
        List<Cell> therapists = new ArrayList<>();
        clientsByTherapist.forEach((therapist, clients) -> therapists.add(outcomeCell(therapist, clients.size(),
                measured.stream().filter(m -> therapist.equals(m.therapistId())).toList())));
        return new Report(therapists, outcomeCell("tenant", records.size(), measured), adherenceByWeek(records));
    }

    private static Cell outcomeCell(String group, int clients, List<Measured> episodes) {
        if (clients < MIN_CELL) {
            return Cell.suppressed(group);
        }
        Map<EpisodeOutcome.Category, Integer> outcomes = new EnumMap<>(EpisodeOutcome.Category.class);
        int eligibleForRecovery = 0;
        int recovered = 0;
        int reliablyRecovered = 0;
        int improved = 0;
        for (Measured episode : episodes) {
            EpisodeOutcome outcome = episode.outcome();
            outcomes.merge(outcome.category(), 1, Integer::sum);
            if (outcome.reliableImprovement()) {
                improved++;
            }
            if (outcome.casenessAtStart()) {
                eligibleForRecovery++;
                recovered += Boolean.TRUE.equals(outcome.recovery()) ? 1 : 0;
                reliablyRecovered += Boolean.TRUE.equals(outcome.reliableRecovery()) ? 1 : 0;
            }
        }
        return new Cell(group, clients, episodes.size(), null, outcomes,
                eligibleForRecovery == 0 ? null : recovered / (double) eligibleForRecovery,
                eligibleForRecovery == 0 ? null : reliablyRecovered / (double) eligibleForRecovery,
                episodes.isEmpty() ? null : improved / (double) episodes.size(), false);
    }

    /** Share of due homework completed per week (Monday, UTC), across the tenant; weeks with fewer than 10 clients suppressed. */
    private static List<Cell> adherenceByWeek(List<ClientRecord> records) {
        Map<LocalDate, int[]> counts = new TreeMap<>();
        Map<LocalDate, Set<String>> clients = new HashMap<>();
        for (ClientRecord record : records) {
            for (ClientRecord.HomeworkOutcome outcome : record.homework().values()) {
                LocalDate week = outcome.dueAt().atZone(ZoneOffset.UTC).toLocalDate()
                        .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
                int[] doneAndDue = counts.computeIfAbsent(week, w -> new int[2]);
                doneAndDue[1]++;
                if ("COMPLETED".equals(outcome.state())) {
                    doneAndDue[0]++;
                }
                clients.computeIfAbsent(week, w -> new HashSet<>()).add(record.clientId());
            }
        }
        List<Cell> weeks = new ArrayList<>();
        counts.forEach((week, doneAndDue) -> {
            int n = clients.get(week).size();
            weeks.add(n < MIN_CELL ? Cell.suppressed(week.toString())
                    : new Cell(week.toString(), n, null, doneAndDue[0] / (double) doneAndDue[1], null, null, null, null, false));
        });
        return weeks;
    }
}
