package app.steady.goals.safety;

import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.util.List;

/** Safety settings as an admin sent them, not yet checked: any field may be missing or wrong. */
public record SafetySettingsProposal(List<OnCallContact> onCallContacts, List<CrisisResource> crisisResources,
                                     String highPriorityEscalationAfter) {
}
