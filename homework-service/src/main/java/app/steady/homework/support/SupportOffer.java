package app.steady.homework.support;

import app.steady.events.homework.ClientSupportOffered;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client is offered at once after a safety answer, exactly as their answer and their app show it: no score,
 * band or label (shared CLINICAL.md, "What the client sees").
 *
 * @param supportiveText    plain, non-judging words that tell the client their therapist will see their answers
 * @param wellnessPlanSteps the coping steps of their own wellness plan, in the plan's order
 * @param contacts          the people of their own wellness plan
 * @param crisisResources   their provider's crisis resources for their locale; empty when the provider has none, and
 *                          the text then points to local emergency services instead
 */
public record SupportOffer(String supportiveText, List<String> wellnessPlanSteps, List<Contact> contacts,
                           List<CrisisResource> crisisResources) {

    static final String THANKS = "Thank you for telling us how you have been feeling. You don't have to face this alone.";
    static final String THERAPIST_INFORMED = "Your therapist will see your answers and get in touch.";
    /** A client between therapists: the provider's on-call clinician takes the flag, so no "therapist" is promised. */
    static final String CARE_TEAM_INFORMED = "Someone from your care team will see your answers and get in touch.";
    static final String PLAN_BELOW = "Your wellness plan is below, in case it helps right now.";
    static final String SERVICES_BELOW = "If you need to talk to someone now, these services are there for you.";
    /** Names no number: providers serve clients in many countries, and a wrong emergency number is worse than none. */
    static final String LOCAL_EMERGENCY = "If you feel you can't keep yourself safe right now, call your local emergency"
            + " number or go to your nearest emergency department.";

    public SupportOffer {
        wellnessPlanSteps = wellnessPlanSteps == null ? List.of() : List.copyOf(wellnessPlanSteps);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        crisisResources = crisisResources == null ? List.of() : List.copyOf(crisisResources);
    }

    /** The offer with its words chosen for what there is to show. */
    static SupportOffer compose(boolean hasTherapist, List<String> steps, List<Contact> contacts,
                                List<CrisisResource> crisisResources) {
        List<String> sentences = new ArrayList<>(List.of(THANKS, hasTherapist ? THERAPIST_INFORMED : CARE_TEAM_INFORMED));
        if (!steps.isEmpty() || !contacts.isEmpty()) {
            sentences.add(PLAN_BELOW);
        }
        sentences.add(crisisResources.isEmpty() ? LOCAL_EMERGENCY : SERVICES_BELOW);
        return new SupportOffer(String.join(" ", sentences), steps, contacts, crisisResources);
    }

    /** The client's app event: the same content, for the provider's app or push gateway. */
    public ClientSupportOffered toEvent(String clientId, String assessmentId, Instant offeredAt) {
        return new ClientSupportOffered(clientId, assessmentId, supportiveText, wellnessPlanSteps,
                contacts.stream().map(c -> new ClientSupportOffered.SupportContact(c.name(), c.relationship(), c.phone()))
                        .toList(),
                crisisResources.stream().map(r -> new ClientSupportOffered.CrisisResource(r.name(), r.phone(), r.text(),
                        r.url(), r.locale())).toList(),
                offeredAt);
    }

    /** Someone from the client's own wellness plan. */
    public record Contact(String name, String relationship, String phone) {
    }

    /** Where the client can get help now: a phone or text line and/or a web page, for a locale (BCP 47). */
    public record CrisisResource(String name, String phone, String text, String url, String locale) {
    }
}
