package app.steady.platform.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 as RFC 9457 problem details, like every other error of the API. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized(JsonMapper json) {
        BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
        return (request, response, exception) -> {
            challenge.commence(request, response, exception);
            write(json, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "A valid bearer token is required: " + describe(exception), request.getRequestURI());
        };
    }

    static AccessDeniedHandler forbidden(JsonMapper json) {
        return (request, response, denied) -> write(json, response, HttpStatus.FORBIDDEN,
                "Not allowed", "Your role may not perform this operation", request.getRequestURI());
    }

    private static String describe(AuthenticationException exception) {
        return exception.getMessage() == null ? "none was given" : exception.getMessage();
    }

    private static void write(JsonMapper json, HttpServletResponse response, HttpStatus status, String title,
                              String detail, String path) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(path));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
