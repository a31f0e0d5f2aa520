package app.steady.gateway.signin;

import app.steady.gateway.RequestWithHeader;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Calls the services on behalf of a signed-in browser: a request that carries no {@code Authorization} of its own but
 * the session cookie of a signed-in user, and the app's {@code X-Steady-App} header, goes on with that user's bearer
 * token. Two defences against another site making the browser call us: the cookie is SameSite=Strict (the browser
 * does not send it from another site), and the custom header cannot be sent cross-origin without a CORS preflight,
 * which the gateway refuses for origins it does not know.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class SessionBearer extends OncePerRequestFilter {

    static final String APP_HEADER = "X-Steady-App";

    private final SignIns signIns;

    SessionBearer(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.AUTHORIZATION) != null || request.getHeader(APP_HEADER) == null
                || request.getRequestURI().startsWith("/app/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SignedIn signedIn = signIns.current(request, response);
        chain.doFilter(signedIn == null ? request
                : new RequestWithHeader(request, HttpHeaders.AUTHORIZATION, "Bearer " + signedIn.token()), response);
    }
}
