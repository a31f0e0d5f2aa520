package app.steady.goals.wellnessplan.web;

import app.steady.goals.agreement.Party;
import app.steady.goals.wellnessplan.PlanContent;
import app.steady.goals.wellnessplan.PlanVersion;
import app.steady.goals.wellnessplan.WellnessPlan;
import app.steady.goals.wellnessplan.WellnessPlans;
import app.steady.platform.security.Caller;
import app.steady.platform.web.ETags;
import app.steady.platform.web.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A client's wellness plan: read it, write the draft, agree to it. */
@RestController
@Validated
@RequestMapping("/clients/{clientId}/wellness-plan")
class WellnessPlanController {

    private final WellnessPlans plans;

    WellnessPlanController(WellnessPlans plans) {
        this.plans = plans;
    }

    @GetMapping
    ResponseEntity<PlanView> get(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId) {
        return view(plans.of(caller, clientId));
    }

    @PutMapping("/draft")
    ResponseEntity<PlanView> writeDraft(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                        @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                        @Valid @RequestBody PlanRequest request) {
        return view(plans.writeDraft(caller, clientId, ETags.revisionOf(ifMatch), request.toContent()));
    }

    @PostMapping("/agreement")
    ResponseEntity<PlanView> agree(Caller caller, @PathVariable @Pattern(regexp = Ids.PATTERN) String clientId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @Valid @RequestBody AgreeRequest request) {
        return view(plans.agree(caller, clientId, ETags.revisionOf(ifMatch), request.version()));
    }

    private static ResponseEntity<PlanView> view(WellnessPlan plan) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (plan.revision() != null) {
            ok.eTag(ETags.of(plan.revision()));
        }
        return ok.body(PlanView.of(plan));
    }

    record PlanRequest(
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> warningSigns,
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> copingStrategies,
            @NotNull @Size(max = 30) List<@NotBlank @Size(max = 500) String> restorativeActivities,
            @NotNull @Size(max = 20) List<@NotNull @Valid ContactRequest> contacts) {
        PlanContent toContent() {
            return new PlanContent(warningSigns, copingStrategies, restorativeActivities,
                    contacts.stream().map(c -> new PlanContent.Contact(c.name(), c.relationship(), c.phone())).toList());
        }
    }

    record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String relationship,
                          @Pattern(regexp = "\\+?[0-9 ()-]{3,30}") String phone) {
    }

    record AgreeRequest(@NotNull @Min(1) Integer version) {
    }

    record PlanView(String clientId, PlanContent plan, int version, Instant agreedAt, PlanContent draft,
                    Integer draftVersion, Party draftBy, boolean draftAgreedByClient, boolean draftAgreedByTherapist,
                    List<PlanVersion> history) {
        static PlanView of(WellnessPlan plan) {
            return new PlanView(plan.clientId(), plan.agreed(), plan.agreedVersion(), plan.agreedAt(), plan.draft(),
                    plan.draft() == null ? null : plan.draftVersion(), plan.draftBy(),
                    plan.draftAgreedBy(Party.CLIENT), plan.draftAgreedBy(Party.THERAPIST), plan.history());
        }
    }
}
