package app.steady.events.goals;

import app.steady.events.EventData;
import java.time.Instant;
import java.util.List;

/**
 * A tenant's admin changed its safety settings: who is on call for risk flags nobody else can take, the crisis
 * resources shown to clients, and how long an unacknowledged high-priority flag waits before it goes to on-call.
 * {@code highPriorityEscalationAfter} is an ISO-8601 duration (e.g. PT15M). The subject is the tenant itself; {@code version} rises with every change, so a replica keeps only the newest.
 */
public record TenantSafetySettingsUpdated(String tenantId, int version, List<OnCallContact> onCallContacts,
                                          List<CrisisResource> crisisResources, String highPriorityEscalationAfter,
                                          Instant updatedAt) implements EventData {
    public String subjectId() { return tenantId; }

    /** A clinician on call: reached by e-mail and/or a pager webhook (at least one). */
    public record OnCallContact(String name, String email, String phone, String pagerUrl) {
    }

    /** Where a client can get help now, for a locale (BCP 47, e.g. en-GB): a phone or text line and/or a web page. */
    public record CrisisResource(String name, String phone, String text, String url, String locale) {
    }
}
