package app.steady.gateway.signin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;

/**
 * Who a browser session belongs to and the token the gateway calls the services with on its behalf. Kept in the
 * server-side session only: the browser has nothing but the session cookie.
 */
record SignedIn(String tenant, String user, String role, String token, Instant expiresAt) implements Serializable {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    /** The session's sign-in, unless there is none or its token has expired (the app then asks to sign in again). */
    static SignedIn of(HttpSession session) {
        SignedIn signedIn = session == null ? null : (SignedIn) session.getAttribute(ATTRIBUTE);
        return signedIn == null || signedIn.expiresAt != null && !Instant.now().isBefore(signedIn.expiresAt) ? null : signedIn;
    }

    void keepIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }

    /** What the app may know about itself: never the token. */
    Me me() {
        return new Me(tenant, user, role);
    }

    record Me(String tenant, String user, String role) {
    }
}
