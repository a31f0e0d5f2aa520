package app.steady.analytics.provider;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.client.ClientRecord;
import app.steady.analytics.client.Tally;
import app.steady.analytics.clinical.EpisodeOutcome;
import app.steady.platform.security.Caller;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Fields;
import org.springframework.data.mongodb.core.aggregation.TypedAggregation;
import org.springframework.stereotype.Service;

/**
 * Aggregates of a tenant, with small cells suppressed. Outcomes are counted per episode of care (NHS Talking Therapies
 * categories, {@link EpisodeOutcome}), grouped by the episode's therapist; a cell shows nothing unless it stands for at
 * least {@value #MIN_CELL} clients.
 *
 * <p>The database does the counting: each client record holds the rows it adds to its tenant's figures
 * ({@link Tally}, derived with the clinical rules when the record changes), and one aggregation sums them by kind,
 * therapist, category and week. The service receives those sums only, a few rows per therapist and week however
 * many clients the tenant has, and never a record.
 */
@Service
public class ProviderOutcomes {

    /** The smallest number of clients a shown cell may stand for. */
    public static final int MIN_CELL = 10;

    /** The tenant's tallies summed per kind, therapist, category and week; {@code rows} counts them. */
    private static final String ROWS = "rows";
    private static final List<String> SUMS = List.of("atCaseness", "recovered", "reliablyRecovered", "reliablyImproved",
            "completed", "due");

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

    /** Episode outcomes summed for one cell. */
    private static final class EpisodeSums {
        final Map<EpisodeOutcome.Category, Integer> outcomes = new EnumMap<>(EpisodeOutcome.Category.class);
        int episodes;
        int atCaseness;
        int recovered;
        int reliablyRecovered;
        int reliablyImproved;

        void add(Document sums, EpisodeOutcome.Category category) {
            int rows = count(sums, ROWS);
            outcomes.merge(category, rows, Integer::sum);
            episodes += rows;
            atCaseness += count(sums, "atCaseness");
            recovered += count(sums, "recovered");
            reliablyRecovered += count(sums, "reliablyRecovered");
            reliablyImproved += count(sums, "reliablyImproved");
        }
    }

    public Report of(Caller admin) {
        int clients = 0;
        Map<String, Integer> clientsByTherapist = new TreeMap<>();
        Map<String, EpisodeSums> episodesByTherapist = new HashMap<>();
        EpisodeSums tenantEpisodes = new EpisodeSums();
        Map<String, int[]> weeks = new TreeMap<>(); // clients, completed, due
        for (Document sums : mongo.aggregate(sums(admin.tenantId()), Document.class)) {
            Document key = sums.get("_id", Document.class);
            String therapist = key.getString("therapistId");
            Tally.Kind kind = known(Tally.Kind.class, key.getString("kind"));
            EpisodeOutcome.Category category = known(EpisodeOutcome.Category.class, key.getString("category"));
            if (kind == null || kind == Tally.Kind.EPISODE && category == null) {
                continue; // rows of a later version's rules, after a rollback: not this version's to count
            }
            switch (kind) {
                case CLIENT -> clients += count(sums, ROWS);
                case CLIENT_OF -> clientsByTherapist.merge(therapist, count(sums, ROWS), Integer::sum);
                case EPISODE -> {
                    tenantEpisodes.add(sums, category);
                    if (therapist != null) {
                        episodesByTherapist.computeIfAbsent(therapist, t -> new EpisodeSums()).add(sums, category);
                    }
                }
                case WEEK -> {
                    int[] week = weeks.computeIfAbsent(key.getString("week"), w -> new int[3]);
                    week[0] += count(sums, ROWS);
                    week[1] += count(sums, "completed");
                    week[2] += count(sums, "due");
                }
            }
        }
        List<Cell> therapists = new ArrayList<>();
        clientsByTherapist.forEach((therapist, n) -> therapists.add(outcomeCell(therapist, n,
                episodesByTherapist.getOrDefault(therapist, new EpisodeSums()))));
        return new Report(therapists, outcomeCell("tenant", clients, tenantEpisodes), adherenceByWeek(weeks));
    }

    /**
     * {@code $match} on the tenant (plain equality, served by the records' {@code caseload} index), {@code $unwind} the
     * tallies, {@code $group} them by kind, therapist, category and week with their count and sums.
     */
    private static TypedAggregation<ClientRecord> sums(String tenantId) {
        var byCell = group(Fields.from(Fields.field("kind", "tallies.kind"), Fields.field("therapistId", "tallies.therapistId"),
                Fields.field("category", "tallies.category"), Fields.field("week", "tallies.week"))).count().as(ROWS);
        for (String sum : SUMS) {
            byCell = byCell.sum("tallies." + sum).as(sum);
        }
        return newAggregation(ClientRecord.class, match(where("tenantId").is(tenantId)), unwind("tallies"), byCell);
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    private static int count(Document sums, String field) {
        Object value = sums.get(field);
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Cell outcomeCell(String group, int clients, EpisodeSums episodes) {
        if (clients < MIN_CELL) {
            return Cell.suppressed(group);
        }
        int eligibleForRecovery = episodes.atCaseness;
        return new Cell(group, clients, episodes.episodes, null, episodes.outcomes,
                eligibleForRecovery == 0 ? null : episodes.recovered / (double) eligibleForRecovery,
                eligibleForRecovery == 0 ? null : episodes.reliablyRecovered / (double) eligibleForRecovery,
                episodes.episodes == 0 ? null : episodes.reliablyImproved / (double) episodes.episodes, false);
    }

    /** Share of due homework completed per week (Monday, UTC), across the tenant; weeks with fewer than 10 clients suppressed. */
    private static List<Cell> adherenceByWeek(Map<String, int[]> weeks) {
        List<Cell> cells = new ArrayList<>();
        weeks.forEach((week, clientsDoneAndDue) -> {
            int n = clientsDoneAndDue[0];
            cells.add(n < MIN_CELL ? Cell.suppressed(week)
                    : new Cell(week, n, null, clientsDoneAndDue[1] / (double) clientsDoneAndDue[2], null, null, null, null, false));
        });
        return cells;
    }
}
