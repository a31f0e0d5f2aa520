package app.steady.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above {@code steady.web.max-request-size} with 413 before anything parses them. A declared
 * length above the limit is refused at once, and so is a chunked body (no API of Steady needs one). A body whose
 * length is not declared at all is not taken on trust either: it is read up to one byte past the limit, refused if
 * it goes past, and otherwise handed on from memory (it is at most the limit, 64 KB by default).
 */
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private static final Set<String> METHODS_WITH_BODIES = Set.of("POST", "PUT", "PATCH", "DELETE");

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
            refuse(response);
            return;
        }
        if (length < 0 && METHODS_WITH_BODIES.contains(request.getMethod())) {
            byte[] body = request.getInputStream().readNBytes((int) limit.toBytes() + 1);
            if (body.length > limit.toBytes()) {
                refuse(response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("""
                {"type":"about:blank","title":"Request too large","status":413,\
                "detail":"Request bodies are limited to %d bytes and must declare their length",\
                "errors":[{"field":"body","message":"too large"}]}""".formatted(limit.toBytes()));
    }

    /** The request with its body, already read and within the limit, served from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int count) throws IOException {
                    return in.read(buffer, offset, count);
                }

                @Override
                public boolean isFinished() {
                    return ((ByteArrayInputStream) in).available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
