package org.meridian.serve.guard;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets through only the read-only parts of Fuseki's {@code /$/} area that the UI uses (server
 * status, ping, statistics), by GET or HEAD; everything else there answers 404, whichever
 * Fuseki module registered it. An allow-list, so a module added later exposes nothing by accident.
 */
public final class AdminAllowList implements Filter {
    private static final Set<String> METHODS = Set.of("GET", "HEAD");

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String path = http.getRequestURI().substring(http.getContextPath().length());
        if (METHODS.contains(http.getMethod()) && isPublic(path))
            chain.doFilter(request, response);
        else
            ((HttpServletResponse) response).sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    static boolean isPublic(String path) {
        return path.equals("/$/ping") || path.equals("/$/server") || path.equals("/$/stats")
                || path.matches("/\\$/stats/[A-Za-z0-9_.-]+");
    }
}
