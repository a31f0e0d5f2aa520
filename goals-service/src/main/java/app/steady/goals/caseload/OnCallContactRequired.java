package app.steady.goals.caseload;

import app.steady.platform.errors.ConflictException;

/**
 * A client cannot be assigned while the tenant has nobody reachable on call: a risk flag the treating therapist cannot
 * take would then reach nobody (shared/CLINICAL.md, "Safety signals: how they must travel").
 */
public class OnCallContactRequired extends ConflictException {

    public static final String CODE = "ON_CALL_CONTACT_REQUIRED";
    /** The setting that is missing, as the safety settings API names it. */
    public static final String FIELD = "onCallContacts";

    OnCallContactRequired() {
        super(CODE, "Clients cannot be assigned yet: this tenant has no reachable on-call contact, so a risk flag"
                + " the treating therapist cannot take would reach nobody. An admin must first set at least one on-call"
                + " contact with an e-mail or a pager URL (PUT /tenant/safety-settings), then assign again.");
    }
}
