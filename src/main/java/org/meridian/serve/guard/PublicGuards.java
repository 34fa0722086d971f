package org.meridian.serve.guard;

import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;

/**
 * Hooks the query-level protections into a Fuseki builder and its dataset's context: the
 * server-side query timeout (a client's {@code timeout} parameter can only lower it), the
 * watched and row-capped query service, interruptible regular expressions and property
 * paths, and the filters
 * that refuse JSONP and close the admin area.
 */
public final class PublicGuards {
    /** How long Jena's own timeout gets before the watchdog aborts a query itself. */
    static final Duration WATCHDOG_GRACE = Duration.ofSeconds(1);

    private PublicGuards() {}

    /**
     * Adds the guarded query service and the filters to {@code builder}; call before {@code build()},
     * on a dataset already {@link #configure configured}.
     */
    public static FusekiServer.Builder apply(FusekiServer.Builder builder, Limits limits) {
        QueryWatchdog watchdog = new QueryWatchdog(limits.queryTimeout(), WATCHDOG_GRACE);
        return builder
                .registerOperation(Operation.Query, new GuardedQueryService(limits.maxRows(), watchdog))
                .addFilter("/*", new ResponseShapingRefusal())
                .addFilter("/$/*", new AdminAllowList());
    }

    /** The timeouts and the interruptible regex for every query and update on this dataset. */
    public static void configure(Context datasetContext, Limits limits) {
        long millis = limits.queryTimeout().toMillis();
        // Two values (first row, overall): a single value would be an overall timeout only.
        datasetContext.set(ARQ.queryTimeout, millis + "," + millis);
        datasetContext.set(ARQ.updateTimeout, Long.toString(millis));
        InterruptibleRegex.install(datasetContext);
        CancellablePaths.install(datasetContext);
    }
}
