package app.steady.goals.safety;

import app.steady.platform.errors.NotFoundException;

/** A tenant whose admins have not set safety settings yet: its clinicians cannot be assigned clients until they do. */
public class SafetySettingsNotSet extends NotFoundException {

    public SafetySettingsNotSet() {
        super("Safety settings");
    }

    @Override
    public String getMessage() {
        return "No safety settings are set for this tenant yet: at least one reachable on-call contact must be set"
                + " before clients can be assigned. Set them with PUT /tenant/safety-settings (on-call contacts with"
                + " an e-mail or a pager URL, crisis resources, the high-priority escalation delay).";
    }
}
