package app.steady.analytics.provider;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import app.steady.analytics.clinical.OutcomeMeasure;
import app.steady.analytics.clinical.ReliableChange;
import app.steady.analytics.client.ClientRecord;
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
import java.util.stream.Collectors;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Aggregates of a tenant, with small cells suppressed. */
@Service
public class ProviderOutcomes {

    /** The smallest number of clients a shown cell may stand for. */
    public static final int MIN_CELL = 10;

    private final MongoTemplate mongo;

    ProviderOutcomes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public record Cell(String group, Integer clients, Double value, Map<ReliableChange.Outcome, Integer> outcomes,
                       Double recoveryRate, Double reliableImprovementRate, boolean suppressed) {
    }

    public record Report(List<Cell> byTherapist, Cell tenant, List<Cell> adherenceByWeek) {
    }

    public Report of(Caller admin) {
        List<ClientRecord> records = mongo.find(Query.query(where("tenantId").is(admin.tenantId())), ClientRecord.class);
        Map<String, List<ClientRecord>> byTherapist = records.stream().filter(r -> r.therapistId() != null)
                .collect(Collectors.groupingBy(ClientRecord::therapistId, TreeMap::new, Collectors.toList()));
        List<Cell> therapists = new ArrayList<>();
        byTherapist.forEach((therapist, clients) -> therapists.add(outcomeCell(therapist, clients)));
        return new Report(therapists, outcomeCell("tenant", records), adherenceByWeek(records));
    }

    private static Cell outcomeCell(String group, List<ClientRecord> clients) {
        if (clients.size() < MIN_CELL) {
            return new Cell(group, null, null, null, null, null, true);
        }
        Map<ReliableChange.Outcome, Integer> outcomes = new EnumMap<>(ReliableChange.Outcome.class);
        int eligibleForRecovery = 0;
        int recovered = 0;
        int measured = 0;
        int improved = 0;
        for (ClientRecord client : clients) {
            List<ClientRecord.AssessmentPoint> phq9 = client.assessments().stream().filter(a -> a.measure().equals("PHQ-9")).toList();
            if (phq9.size() < 2) {
                continue;
            }
            int baseline = phq9.get(0).total();
            ReliableChange.Outcome outcome = ReliableChange.outcome(OutcomeMeasure.PHQ_9, baseline, phq9.get(phq9.size() - 1).total());
            outcomes.merge(outcome, 1, Integer::sum);
            measured++;
            if (outcome == ReliableChange.Outcome.RECOVERED || outcome == ReliableChange.Outcome.RELIABLY_IMPROVED) {
                improved++;
            }
            if (baseline >= OutcomeMeasure.PHQ_9.caseness()) {
                eligibleForRecovery++;
                if (outcome == ReliableChange.Outcome.RECOVERED) {
                    recovered++;
                }
            }
        }
        return new Cell(group, clients.size(), null, outcomes,
                eligibleForRecovery == 0 ? null : recovered / (double) eligibleForRecovery,
                measured == 0 ? null : improved / (double) measured, false);
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
            weeks.add(n < MIN_CELL ? new Cell(week.toString(), null, null, null, null, null, true)
                    : new Cell(week.toString(), n, doneAndDue[0] / (double) doneAndDue[1], null, null, null, false));
        });
        return weeks;
    }
}
