package org.meridian.serve;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * Makes a Graph Store read of the default graph ({@code ?default}) return the union of the named
 * graphs: the default graph every SPARQL query sees. Every triple lives in a named graph, so the
 * store's own default graph is empty and would be no answer at all.
 */
final class DefaultGraphIsUnion implements Filter {
    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        if (req instanceof HttpServletRequest request && request.getParameter("default") != null
                && request.getParameter("graph") == null
                && (request.getMethod().equals("GET") || request.getMethod().equals("HEAD")))
            chain.doFilter(new AskingForUnion(request), resp);
        else
            chain.doFilter(req, resp);
    }

    /** The request with {@code default} replaced by Fuseki's {@code graph=union}. */
    private static final class AskingForUnion extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        AskingForUnion(HttpServletRequest request) {
            super(request);
            Map<String, String[]> changed = new HashMap<>(request.getParameterMap());
            changed.remove("default");
            changed.put("graph", new String[] {"union"});
            parameters = Collections.unmodifiableMap(changed);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }

        @Override
        public String getQueryString() {
            return "graph=union";
        }
    }
}
