package app.steady.platform.consuming;

import app.steady.events.EventType;
import app.steady.platform.caseload.CaseloadDirectory;
import app.steady.platform.privacy.ErasedClients;
import app.steady.platform.privacy.SubjectDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides, per batch and with one query each, whether valid events may reach the handlers as far as their subject
 * is concerned: an event whose tenant is not its client's tenant is rejected (dead-lettered); an event of an erased
 * client — including one that follows the erasure request in the same batch — is dropped.
 */
public class SubjectScreen {

    /** What happens to one event. */
    public sealed interface Verdict permits Apply, Drop, Reject {
    }

    public record Apply() implements Verdict {
    }

    /** Not applied, not an error: the event is about an erased client. */
    public record Drop(String reason) implements Verdict {
    }

    /** Never applicable; dead-lettered with the reason. */
    public record Reject(String reason) implements Verdict {
    }

    /** The reason an event of an erased client is dropped. */
    public static final String ERASED_CLIENT = "erased-client";

    private static final Apply APPLY = new Apply();

    private final CaseloadDirectory caseload;
    private final ErasedClients erasedClients;
    private final SubjectDigest digest;

    public SubjectScreen(CaseloadDirectory caseload, ErasedClients erasedClients, SubjectDigest digest) {
        this.caseload = caseload;
        this.erasedClients = erasedClients;
        this.digest = digest;
    }

    /** Whether this client is erased here (any stored form of its tombstone). */
    public boolean isErased(String tenant, String subject) {
        return !erasedClients.erasedAmong(digest.storedForms(tenant, subject)).isEmpty();
    }

    /** One verdict per event, in the same order. */
    public List<Verdict> screen(List<ReceivedEvent<?>> events) {
        // Every stored form: tombstones written before digests were keyed still count.
        Set<String> erased = new HashSet<>(erasedClients.erasedAmong(events.stream()
                .flatMap(event -> digest.storedForms(event.tenant(), event.subject()).stream())
                .collect(Collectors.toSet())));
        Map<String, Set<String>> tenantsOfClients = caseload.tenantsOf(
                events.stream().map(ReceivedEvent::subject).collect(Collectors.toSet()));
        List<Verdict> verdicts = new ArrayList<>(events.size());
        for (ReceivedEvent<?> event : events) {
            verdicts.add(verdict(event, erased, tenantsOfClients));
            if (event.type() == EventType.CLIENT_ERASURE_REQUESTED) {
                erased.add(digest.of(event.tenant(), event.subject()));
            }
        }
        return verdicts;
    }

    private Verdict verdict(ReceivedEvent<?> event, Set<String> erased, Map<String, Set<String>> tenantsOfClients) {
        Set<String> tenants = tenantsOfClients.getOrDefault(event.subject(), Set.of());
        // Assignments too (issue 16): a client-assigned event under another tenant would hand the client to that
        // tenant's therapist. Client ids are unique across tenants, so a known client has exactly one.
        if (!tenants.isEmpty() && !tenants.contains(event.tenant())) {
            return new Reject("ce_tenant " + event.tenant() + " does not match the tenant of client "
                    + event.subject() + " (" + String.join(", ", tenants) + ")");
        }
        if (!ErasedClients.isAboutErasure(event.type())
                && digest.storedForms(event.tenant(), event.subject()).stream().anyMatch(erased::contains)) {
            return new Drop(ERASED_CLIENT);
        }
        return APPLY;
    }
}
