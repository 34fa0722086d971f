package org.meridian.serve;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.meridian.query.QueryCatalog;

/**
 * {@code /queries}: a page listing the named queries (title, description) where each opens in the
 * Fuseki UI's query editor, ready to run; {@code /queries/NAME.rq} gives a query's text.
 */
final class QueryListPage extends HttpServlet {
    private final QueryCatalog catalog;
    private final String dataset;

    QueryListPage(QueryCatalog catalog, String dataset) {
        this.catalog = catalog;
        this.dataset = dataset;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (path == null || path.equals("/")) {
            response.setContentType("text/html; charset=utf-8");
            response.getWriter().write(page());
            return;
        }
        String name = path.substring(1).replaceFirst("\\.rq$", "");
        var query = catalog.find(name);
        if (query.isEmpty() || !path.endsWith(".rq")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/sparql-query; charset=utf-8");
        response.getWriter().write(query.get().text());
    }

    private String page() {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Meridian: ready-made queries</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
                  li { margin: 0 0 1.1rem 0; } .links { font-size: .85rem; } .links a { margin-right: 1rem; }
                </style></head><body>
                <h1>Ready-made queries</h1>
                <p>Each query opens in the query editor of the Fuseki UI; press its run button for the answer.</p>
                <ol id="queries">
                """);
        for (QueryCatalog.NamedQuery query : catalog.queries()) {
            String editor = "/#/dataset/" + dataset + "/query?query=" + encode(query.text());
            String csv = "/" + dataset + "/sparql?query=" + encode(query.text());
            html.append("<li data-name=\"").append(escape(query.name())).append("\">")
                    .append("<a class=\"open\" href=\"").append(escape(editor)).append("\">")
                    .append(escape(query.title())).append("</a>")
                    .append("<div>").append(escape(query.description())).append("</div>")
                    .append("<div class=\"links\"><a href=\"").append(escape("/queries/" + query.name() + ".rq"))
                    .append("\">").append(escape(query.name() + ".rq")).append("</a>")
                    .append("<a href=\"").append(escape(csv)).append("\">answer from the endpoint</a></div></li>\n");
        }
        return html.append("</ol></body></html>\n").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Curated text goes into HTML: escape everything that could open markup or an attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
