package app.steady.goals.agreement;

import app.steady.platform.security.Caller;
import app.steady.platform.security.Role;

/** The two parties to a goal (and to a wellness plan). */
public enum Party {
    CLIENT, THERAPIST;

    /** The party a caller acts as; access checks have already ruled out anyone who is neither. */
    public static Party of(Caller caller) {
        return caller.role() == Role.CLIENT ? CLIENT : THERAPIST;
    }
}
