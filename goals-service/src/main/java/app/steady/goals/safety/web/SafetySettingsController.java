package app.steady.goals.safety.web;

import app.steady.goals.safety.SafetySettings;
import app.steady.goals.safety.SafetySettingsNotSet;
import app.steady.goals.safety.SafetySettingsProposal;
import app.steady.goals.safety.TenantSafety;
import app.steady.platform.safety.TenantSafetySettings;
import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A tenant's admins read and replace its safety settings. The rules (and the field each broken one names) are the
 * domain's; this only carries the JSON.
 */
@RestController
@RequestMapping("/tenant/safety-settings")
@PreAuthorize("hasRole('ADMIN')")
class SafetySettingsController {

    private final TenantSafety safety;

    SafetySettingsController(TenantSafety safety) {
        this.safety = safety;
    }

    @GetMapping
    ResponseEntity<SettingsView> get(Caller admin) {
        return view(safety.find(admin.tenantId()).orElseThrow(SafetySettingsNotSet::new));
    }

    @PutMapping
    ResponseEntity<SettingsView> replace(Caller admin, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                         @RequestBody SettingsRequest request) {
        return view(safety.replace(admin.tenantId(), ETags.revisionOf(ifMatch), request.toProposal()));
    }

    private static ResponseEntity<SettingsView> view(SafetySettings settings) {
        return ResponseEntity.ok().eTag(ETags.of(settings.revision())).body(SettingsView.of(settings.asSettings()));
    }

    record SettingsRequest(List<Contact> onCallContacts, List<Resource> crisisResources,
                           @JsonDeserialize(using = StrictText.class) String highPriorityEscalationAfter) {
        SafetySettingsProposal toProposal() {
            return new SafetySettingsProposal(
                    onCallContacts == null ? null : onCallContacts.stream()
                            .map(c -> c == null ? null : new OnCallContact(c.name(), c.email(), c.phone(), c.pagerUrl()))
                            .toList(),
                    crisisResources == null ? null : crisisResources.stream()
                            .map(r -> r == null ? null : new CrisisResource(r.name(), r.phone(), r.text(), r.url(), r.locale()))
                            .toList(),
                    highPriorityEscalationAfter);
        }
    }

    record Contact(@JsonDeserialize(using = StrictText.class) String name,
                   @JsonDeserialize(using = StrictText.class) String email,
                   @JsonDeserialize(using = StrictText.class) String phone,
                   @JsonDeserialize(using = StrictText.class) String pagerUrl) {
    }

    record Resource(@JsonDeserialize(using = StrictText.class) String name,
                    @JsonDeserialize(using = StrictText.class) String phone,
                    @JsonDeserialize(using = StrictText.class) String text,
                    @JsonDeserialize(using = StrictText.class) String url,
                    @JsonDeserialize(using = StrictText.class) String locale) {
    }

    record SettingsView(String tenantId, int version, List<Contact> onCallContacts, List<Resource> crisisResources,
                        String highPriorityEscalationAfter, Instant updatedAt) {
        static SettingsView of(TenantSafetySettings settings) {
            return new SettingsView(settings.tenantId(), settings.version(),
                    settings.onCallContacts().stream().map(c -> new Contact(c.name(), c.email(), c.phone(), c.pagerUrl())).toList(),
                    settings.crisisResources().stream()
                            .map(r -> new Resource(r.name(), r.phone(), r.text(), r.url(), r.locale())).toList(),
                    settings.highPriorityEscalationAfter().toString(), settings.updatedAt());
        }
    }
}
