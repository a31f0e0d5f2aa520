package app.steady.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the browser's session belongs to ({@code GET /app/session}: never the token) and signing out ({@code DELETE
 * /app/session}), whichever way the session was signed in: the provider's OpenID Connect sign-in or a local demo user.
 */
@RestController
class Sessions {

    private final SignIns signIns;

    Sessions(SignIns signIns) {
        this.signIns = signIns;
    }

    @GetMapping("/app/session")
    ResponseEntity<?> session(HttpServletRequest request, HttpServletResponse response) {
        SignedIn signedIn = signIns.current(request, response);
        if (signedIn == null) {
            return SignInProblems.problem(HttpStatus.UNAUTHORIZED, "Not signed in", null);
        }
        return ResponseEntity.ok(signedIn.me());
    }

    @DeleteMapping("/app/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return ResponseEntity.noContent().build();
    }
}
