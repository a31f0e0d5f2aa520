package app.steady.gateway.signin;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The sign-in endpoints' RFC 9457 answers, naming the field at fault when there is one (as the services do). */
final class SignInProblems {

    private SignInProblems() {
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (field != null) {
            problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
        }
        return ResponseEntity.status(status).body(problem);
    }
}
