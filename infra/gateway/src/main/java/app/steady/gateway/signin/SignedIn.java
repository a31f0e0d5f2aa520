package app.steady.gateway.signin;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;

/**
 * Who a browser session belongs to and the token the gateway calls the services with on its behalf. Kept in the
 * server-side session only: the browser has nothing but the session cookie. {@link SignIns} decides whether it still
 * holds.
 *
 * @param provider the client registration it signed in through (its refresh token renews the access token), or null
 *                 for a demo user
 */
record SignedIn(String tenant, String user, String role, String token, Instant expiresAt, String provider)
        implements Serializable {

    private static final String ATTRIBUTE = SignedIn.class.getName();

    /** The sign-in kept in the session, as it was stored (whether its token is still good or not). */
    static SignedIn in(HttpSession session) {
        return session == null ? null : (SignedIn) session.getAttribute(ATTRIBUTE);
    }

    /** Whether its token is expired by then (a token without an expiry never is). */
    boolean expiresBy(Instant moment) {
        return expiresAt != null && !moment.isBefore(expiresAt);
    }

    SignedIn withToken(String newToken, Instant newExpiry) {
        return new SignedIn(tenant, user, role, newToken, newExpiry, provider);
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
