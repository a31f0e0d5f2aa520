package app.steady.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code steady.web.max-request-size} with 413 before anything reads them.
 * Bodies without a declared length (chunked) are refused too: no API of Steady needs them.
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final DataSize limit;

    public RequestSizeLimitFilter(DataSize limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (length > limit.toBytes() || chunked) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("""
                    {"type":"about:blank","title":"Request too large","status":413,\
                    "detail":"Request bodies are limited to %d bytes and must declare their length",\
                    "errors":[{"field":"body","message":"too large"}]}""".formatted(limit.toBytes()));
            return;
        }
        chain.doFilter(request, response);
    }
}
