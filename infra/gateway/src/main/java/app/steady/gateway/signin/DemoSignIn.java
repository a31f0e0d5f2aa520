package app.steady.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo users' one-click sign-in of a local run: {@code POST /app/session} with {@code {"user":"client-1"}}, and
 * {@code GET /app/demo-users} for the sign-in screen ({@link Sessions} answers who is signed in and signs out).
 * Exists only where {@code steady.gateway.demo-sign-in.hmac-secret} is set.
 */
@RestController
@ConditionalOnProperty("steady.gateway.demo-sign-in.hmac-secret")
class DemoSignIn {

    /** The launcher's demo users, by id, with their role. */
    static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("client-1", "CLIENT");
        USERS.put("client-2", "CLIENT");   // a second client, e.g. to try erasure without losing client-1's data
        USERS.put("therapist-1", "THERAPIST");
        USERS.put("admin-1", "ADMIN");
    }

    private final DemoSignInProperties properties;
    private final DemoTokens tokens;

    DemoSignIn(DemoSignInProperties properties) {
        this.properties = properties;
        this.tokens = new DemoTokens(properties.hmacSecret(), Clock.systemUTC());
    }

    @GetMapping("/app/demo-users")
    List<SignedIn.Me> demoUsers() {
        return USERS.entrySet().stream().map(user -> new SignedIn.Me(properties.tenant(), user.getKey(), user.getValue()))
                .toList();
    }

    @PostMapping("/app/session")
    ResponseEntity<?> signIn(HttpServletRequest request, @RequestBody(required = false) SignInRequest body) {
        String user = body == null ? null : body.user();
        String role = user == null ? null : USERS.get(user);
        if (role == null) {
            return SignInProblems.problem(HttpStatus.BAD_REQUEST, "user: one of " + USERS.keySet(), "user");
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();   // a new id at sign-in: a session id planted before it is worth nothing
        DemoTokens.Issued issued = tokens.token(properties.tenant(), user, role, properties.lifetime());
        SignedIn signedIn = new SignedIn(properties.tenant(), user, role, issued.token(), issued.expiresAt(), null);
        signedIn.keepIn(session);
        return ResponseEntity.ok(signedIn.me());
    }

    record SignInRequest(String user) {
    }
}
