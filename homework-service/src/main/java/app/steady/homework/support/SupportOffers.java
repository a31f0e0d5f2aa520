package app.steady.homework.support;

import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.safety.TenantSafetyDirectory;
import app.steady.platform.safety.TenantSafetySettings;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.stereotype.Service;

/** Composes the support a client is offered after a safety answer from their plan, their provider and their locale. */
@Service
public class SupportOffers {

    private final WellnessPlanCopies plans;
    private final TenantSafetyDirectory safety;
    private final CaseloadDirectory caseload;

    SupportOffers(WellnessPlanCopies plans, TenantSafetyDirectory safety, CaseloadDirectory caseload) {
        this.plans = plans;
        this.safety = safety;
        this.caseload = caseload;
    }

    /**
     * @param preferredLocales the client's languages, most preferred first (from their app's Accept-Language); the
     *                         provider's resources for the first of them it has any for are chosen, else all of them
     */
    public SupportOffer offerTo(String tenantId, String clientId, List<Locale> preferredLocales) {
        WellnessPlanCopy plan = plans.of(tenantId, clientId).orElse(null);
        List<String> steps = plan == null ? List.of() : plan.steps();
        List<SupportOffer.Contact> contacts = plan == null ? List.of() : plan.contacts().stream()
                .map(c -> new SupportOffer.Contact(c.name(), c.relationship(), c.phone())).toList();
        List<SupportOffer.CrisisResource> resources = safety.of(tenantId)
                .map(settings -> settings.crisisResourcesFor(firstServed(settings, preferredLocales)))
                .orElse(List.of()).stream()
                .map(r -> new SupportOffer.CrisisResource(r.name(), r.phone(), r.text(), r.url(), r.locale()))
                .toList();
        return SupportOffer.compose(caseload.therapistOf(tenantId, clientId).isPresent(), steps, contacts, resources);
    }

    /** The first preferred locale whose language the provider has resources in; null (all resources) if none. */
    static Locale firstServed(TenantSafetySettings settings, List<Locale> preferredLocales) {
        List<String> languages = settings.crisisResources().stream().map(TenantSafetySettings.CrisisResource::locale)
                .filter(Objects::nonNull).map(tag -> Locale.forLanguageTag(tag).getLanguage()).toList();
        return preferredLocales.stream().filter(locale -> languages.contains(locale.getLanguage())).findFirst()
                .orElse(null);
    }
}
