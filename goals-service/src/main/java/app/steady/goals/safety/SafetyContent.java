package app.steady.goals.safety;

import app.steady.platform.safety.TenantSafetySettings.CrisisResource;
import app.steady.platform.safety.TenantSafetySettings.OnCallContact;
import java.time.Duration;
import java.util.List;

/** Safety settings that passed {@link SafetyRules}: trimmed, blanks as null, locales in canonical form. */
record SafetyContent(List<OnCallContact> onCallContacts, List<CrisisResource> crisisResources,
                     Duration highPriorityEscalationAfter) {

    SafetyContent {
        onCallContacts = List.copyOf(onCallContacts);
        crisisResources = List.copyOf(crisisResources);
    }
}
