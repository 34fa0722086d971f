package org.meridian.serve.guard;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses the request parameters with which whoever writes a link decides what the answer
 * executes: {@code callback} (Fuseki wraps JSON results in it, turning them into JSONP, a
 * script any site can include) and {@code stylesheet} (Fuseki points XML results at it).
 */
public final class ResponseShapingRefusal implements Filter {
    private static final List<String> REFUSED = List.of("callback", "stylesheet");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        for (String name : REFUSED) {
            String value;
            try {
                value = request.getParameter(name);
            } catch (RuntimeException e) {
                // Reading form parameters reads the body, which may be over the size limit.
                if (!TooLarge.causedBy(e))
                    throw e;
                ((HttpServletResponse) response).sendError(413, TooLarge.MESSAGE);
                return;
            }
            if (value != null) {
                ((HttpServletResponse) response).sendError(HttpServletResponse.SC_BAD_REQUEST,
                        "the '" + name + "' parameter is not supported: answers are never wrapped in scripts or stylesheets");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
