package app.steady.platform.safety;

import app.steady.events.goals.TenantSafetySettingsUpdated;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's safety settings as every service reads them.
 *
 * @param highPriorityEscalationAfter how long a high-priority flag may stay unacknowledged before it goes to on-call
 */
public record TenantSafetySettings(String tenantId, int version, List<OnCallContact> onCallContacts,
                                   List<CrisisResource> crisisResources, Duration highPriorityEscalationAfter,
                                   Instant updatedAt) {

    /** The escalation delay of a tenant that has not chosen one (minutes, not hours: shared CLINICAL.md). */
    public static final Duration DEFAULT_HIGH_PRIORITY_ESCALATION = Duration.ofMinutes(15);

    public TenantSafetySettings {
        onCallContacts = onCallContacts == null ? List.of() : List.copyOf(onCallContacts);
        crisisResources = crisisResources == null ? List.of() : List.copyOf(crisisResources);
        highPriorityEscalationAfter = highPriorityEscalationAfter == null ? DEFAULT_HIGH_PRIORITY_ESCALATION
                : highPriorityEscalationAfter;
    }

    /** A clinician on call, reached by e-mail and/or a pager webhook. */
    public record OnCallContact(String name, String email, String phone, String pagerUrl) {

        public boolean isReachable() {
            return (email != null && !email.isBlank()) || (pagerUrl != null && !pagerUrl.isBlank());
        }
    }

    /** Where a client can get help now, for a locale (BCP 47). */
    public record CrisisResource(String name, String phone, String text, String url, String locale) {
    }

    /** Whether at least one on-call contact can be reached: without one, a risk flag could end at nobody. */
    public boolean hasReachableOnCall() {
        return onCallContacts.stream().anyMatch(OnCallContact::isReachable);
    }

    public List<OnCallContact> reachableOnCall() {
        return onCallContacts.stream().filter(OnCallContact::isReachable).toList();
    }

    /**
     * The crisis resources for a client's locale: those of the exact locale, else of its language, else all of them
     * (a client must never be shown nothing because their locale was not configured).
     */
    public List<CrisisResource> crisisResourcesFor(Locale locale) {
        if (locale != null) {
            List<CrisisResource> exact = crisisResources.stream()
                    .filter(r -> Locale.forLanguageTag(r.locale()).equals(locale)).toList();
            if (!exact.isEmpty()) {
                return exact;
            }
            List<CrisisResource> language = crisisResources.stream()
                    .filter(r -> Locale.forLanguageTag(r.locale()).getLanguage().equals(locale.getLanguage())).toList();
            if (!language.isEmpty()) {
                return language;
            }
        }
        return crisisResources;
    }

    public static TenantSafetySettings of(String tenantId, TenantSafetySettingsUpdated event) {
        return new TenantSafetySettings(tenantId, event.version(),
                event.onCallContacts() == null ? List.of() : event.onCallContacts().stream()
                        .map(c -> new OnCallContact(c.name(), c.email(), c.phone(), c.pagerUrl())).toList(),
                event.crisisResources() == null ? List.of() : event.crisisResources().stream()
                        .map(r -> new CrisisResource(r.name(), r.phone(), r.text(), r.url(), r.locale())).toList(),
                event.highPriorityEscalationAfter() == null ? null : Duration.parse(event.highPriorityEscalationAfter()),
                event.updatedAt());
    }

    public TenantSafetySettingsUpdated toEvent() {
        return new TenantSafetySettingsUpdated(tenantId, version,
                onCallContacts.stream().map(c -> new TenantSafetySettingsUpdated.OnCallContact(c.name(), c.email(),
                        c.phone(), c.pagerUrl())).toList(),
                crisisResources.stream().map(r -> new TenantSafetySettingsUpdated.CrisisResource(r.name(), r.phone(),
                        r.text(), r.url(), r.locale())).toList(),
                highPriorityEscalationAfter.toString(), updatedAt);
    }
}
