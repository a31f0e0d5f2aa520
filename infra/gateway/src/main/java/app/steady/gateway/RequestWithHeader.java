package app.steady.gateway;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/** A request as the proxy forwards it, with one header set (replacing any the caller sent under that name). */
public final class RequestWithHeader extends HttpServletRequestWrapper {

    private final String name;
    private final String value;

    public RequestWithHeader(HttpServletRequest request, String name, String value) {
        super(request);
        this.name = name;
        this.value = value;
    }

    @Override
    public String getHeader(String header) {
        return name.equalsIgnoreCase(header) ? value : super.getHeader(header);
    }

    @Override
    public Enumeration<String> getHeaders(String header) {
        return name.equalsIgnoreCase(header) ? Collections.enumeration(List.of(value)) : super.getHeaders(header);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
        List<String> names = new ArrayList<>();
        for (Enumeration<String> all = super.getHeaderNames(); all.hasMoreElements(); ) {
            String header = all.nextElement();
            if (!name.equalsIgnoreCase(header)) {
                names.add(header);
            }
        }
        names.add(name);
        return Collections.enumeration(names);
    }
}
