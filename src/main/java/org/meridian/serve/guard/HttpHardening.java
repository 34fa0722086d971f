package org.meridian.serve.guard;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The HTTP-level protections, put in front of a built (not yet started) Fuseki server with
 * Jetty's own handlers: request bodies over the limit get 413, request lines and heads over
 * the limit 414/431, every response says {@code X-Content-Type-Options: nosniff}, and CORS,
 * when enabled, allows reads only (GET, POST, HEAD) and never credentials.
 */
public final class HttpHardening {
    private HttpHardening() {}

    /**
     * @param corsOrigins origins allowed to read from other sites: {@code *} for any, exact
     *                    origins such as {@code https://app.example.org}, or none for no CORS
     */
    public static void apply(FusekiServer server, Limits limits, List<String> corsOrigins) {
        Server jetty = server.getJettyServer();
        for (Connector connector : jetty.getConnectors())
            for (ConnectionFactory factory : connector.getConnectionFactories())
                if (factory instanceof HttpConfiguration.ConnectionFactory http) {
                    http.getHttpConfiguration().setRequestHeaderSize(limits.maxHeaderBytes());
                    http.getHttpConfiguration().setSendServerVersion(false);
                }
        ServletContextHandler context = jetty.getDescendant(ServletContextHandler.class);
        if (context != null)
            context.setMaxFormContentSize((int) Math.min(Integer.MAX_VALUE, limits.maxBodyBytes()));

        Handler inner = jetty.getHandler();
        if (!corsOrigins.isEmpty())
            inner = wrap(readOnlyCors(corsOrigins), inner);
        inner = wrap(new SizeLimitHandler(limits.maxBodyBytes(), -1), inner);
        jetty.setHandler(wrap(new NoSniff(), inner));
    }

    private static Handler wrap(Handler.Wrapper outer, Handler inner) {
        outer.setHandler(inner);
        return outer;
    }

    private static CrossOriginHandler readOnlyCors(List<String> origins) {
        CrossOriginHandler cors = new CrossOriginHandler();
        cors.setAllowedOriginPatterns(origins.stream()
                .map(origin -> origin.equals("*") ? "*" : Pattern.quote(origin))
                .collect(Collectors.toSet()));
        cors.setAllowedMethods(Set.of("GET", "POST", "HEAD"));
        cors.setAllowedHeaders(Set.of("Accept", "Content-Type"));
        cors.setExposedHeaders(Set.of(GuardedQueryService.LIMIT, GuardedQueryService.TRUNCATED));
        // Credentials would let any allowed site read with the visitor's cookies or login.
        cors.setAllowCredentials(false);
        return cors;
    }

    /** Stops browsers from guessing a type other than the declared one (say, results as HTML). */
    private static final class NoSniff extends Handler.Wrapper {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put("X-Content-Type-Options", "nosniff");
            return super.handle(request, response, callback);
        }
    }
}
