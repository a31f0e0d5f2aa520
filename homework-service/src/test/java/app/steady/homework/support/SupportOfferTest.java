package app.steady.homework.support;

import static org.assertj.core.api.Assertions.assertThat;

import app.steady.events.homework.ClientSupportOffered;
import app.steady.platform.safety.TenantSafetySettings;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The words a client reads after a safety answer, and which of their provider's crisis resources they see. */
class SupportOfferTest {

    static final List<SupportOffer.CrisisResource> SAMARITANS = List.of(
            new SupportOffer.CrisisResource("Samaritans", "116 123", null, "https://www.samaritans.org", "en-GB"));

    @Test
    void theWordsSayTheTherapistWillSeeTheAnswersAndPointToThePlanAndTheServices() {
        SupportOffer offer = SupportOffer.compose(true, List.of("Call my sister"), List.of(), SAMARITANS);

        assertThat(offer.supportiveText()).isEqualTo("Thank you for telling us how you have been feeling. You don't"
                + " have to face this alone. Your therapist will see your answers and get in touch. Your wellness plan"
                + " is below, in case it helps right now. If you need to talk to someone now, these services are there"
                + " for you.");
    }

    @Test
    void aClientWithoutATherapistIsPromisedTheirCareTeamNotATherapist() {
        SupportOffer offer = SupportOffer.compose(false, List.of(), List.of(), SAMARITANS);

        assertThat(offer.supportiveText()).contains("Someone from your care team will see your answers")
                .doesNotContain("therapist").doesNotContain("wellness plan");
    }

    @Test
    void withoutCrisisResourcesTheWordsPointToLocalEmergencyServicesAndNameNoNumber() {
        SupportOffer offer = SupportOffer.compose(true, List.of(), List.of(), List.of());

        assertThat(offer.supportiveText()).endsWith("If you feel you can't keep yourself safe right now, call your"
                + " local emergency number or go to your nearest emergency department.").doesNotContainPattern("\\d");
    }

    @Test
    void theAppEventCarriesTheSameContentAndNoLabel() {
        SupportOffer offer = SupportOffer.compose(true, List.of("Walk the dog"),
                List.of(new SupportOffer.Contact("Maya", "sister", "+44 7700 900123")), SAMARITANS);
        Instant at = Instant.parse("2026-03-30T15:31:00Z");

        assertThat(offer.toEvent("client-1", "assessment-1", at)).isEqualTo(new ClientSupportOffered("client-1",
                "assessment-1", offer.supportiveText(), List.of("Walk the dog"),
                List.of(new ClientSupportOffered.SupportContact("Maya", "sister", "+44 7700 900123")),
                List.of(new ClientSupportOffered.CrisisResource("Samaritans", "116 123", null,
                        "https://www.samaritans.org", "en-GB")), at));
    }

    @Test
    void theFirstPreferredLanguageTheProviderServesChoosesTheResources() {
        TenantSafetySettings settings = new TenantSafetySettings("t", 1, List.of(), List.of(
                new TenantSafetySettings.CrisisResource("Samaritans", "116 123", null, null, "en-GB"),
                new TenantSafetySettings.CrisisResource("TelefonSeelsorge", "0800 111 0 111", null, null, "de-DE")),
                null, Instant.now());

        assertThat(SupportOffers.firstServed(settings, PreferredLocales.fromAcceptLanguage("fr-CH, fr;q=0.9, de;q=0.7")))
                .isEqualTo(Locale.GERMAN);
        assertThat(SupportOffers.firstServed(settings, PreferredLocales.fromAcceptLanguage("es"))).isNull();
        assertThat(SupportOffers.firstServed(settings, List.of())).isNull();
    }

    @Test
    void aMissingOrMalformedAcceptLanguageMeansNoPreference() {
        assertThat(PreferredLocales.fromAcceptLanguage("de-DE,en;q=0.5,*;q=0.1,fr;q=0"))
                .containsSubsequence(Locale.GERMANY, Locale.ENGLISH).doesNotContain(Locale.FRENCH)
                .allMatch(locale -> !locale.getLanguage().equals("*"));
        assertThat(PreferredLocales.fromAcceptLanguage(null)).isEmpty();
        assertThat(PreferredLocales.fromAcceptLanguage("not a language;;q=x")).isEmpty();
    }
}
