package app.steady.analytics.client;

import app.steady.analytics.flags.RiskFlag;
import app.steady.analytics.flags.RiskFlags;
import app.steady.analytics.goals.ClientGoalSummaries;
import app.steady.platform.caseload.ClientAccess;
import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/** Reads of client analytics: the therapist's summary and caseload, and the client's own progress. */
@Service
public class ClientAnalytics {

    private final ClientRecordRepository records;
    private final RiskFlags flags;
    private final ClientGoalSummaries goals;
    private final ClientAccess access;
    private final Clock clock;
    private final TherapistCaseloads caseloads;

    ClientAnalytics(ClientRecordRepository records, RiskFlags flags, ClientGoalSummaries goals, ClientAccess access,
                    Clock clock, TherapistCaseloads caseloads) {
        this.caseloads = caseloads;
        this.records = records;
        this.flags = flags;
        this.goals = goals;
        this.access = access;
        this.clock = clock;
    }

    public ClientInsights.Summary summary(Caller therapist, String clientId) {
        access.requireAccess(therapist, clientId);
        if (therapist.role() != Role.THERAPIST) {
            throw new AccessDeniedException("The clinical summary is for the treating therapist; clients see their progress");
        }
        return summarize(therapist.tenantId(), clientId);
    }

    /** The calling therapist's clients, those needing attention first (high-priority flags at the very top). */
    public List<ClientInsights.Summary> caseload(Caller therapist) {
        List<ClientRecord> caseload = caseloads.of(therapist.tenantId(), therapist.userId());
        Map<String, List<RiskFlag>> flagsByClient = flags.openAndRecentOf(therapist.tenantId(),
                caseload.stream().map(ClientRecord::clientId).toList());
        List<ClientInsights.Summary> summaries = new ArrayList<>();
        for (ClientRecord record : caseload) {
            summaries.add(ClientInsights.summarize(record, flagsByClient.getOrDefault(record.clientId(), List.of()),
                    clock.instant()));
        }
        summaries.sort(Comparator.comparing((ClientInsights.Summary s) -> !s.highPriorityFlag())
                .thenComparing(ClientInsights.Summary::status)
                .thenComparing(s -> -s.openFlags()));
        return summaries;
    }

    /** The client's own progress in plain words: no flags, no clinical labels. */
    public ClientProgress progress(Caller caller, String clientId) {
        access.requireAccess(caller, clientId);
        ClientInsights.Summary summary = summarize(caller.tenantId(), clientId);
        return ClientProgress.of(summary, goals.of(caller, clientId));
    }

    private ClientInsights.Summary summarize(String tenantId, String clientId) {
        ClientRecord record = records.findById(ClientRecord.idOf(tenantId, clientId))
                .orElseGet(() -> new ClientRecord(ClientRecord.idOf(tenantId, clientId), tenantId, clientId));
        return ClientInsights.summarize(record, flags.openAndRecent(tenantId, clientId), clock.instant());
    }
}
