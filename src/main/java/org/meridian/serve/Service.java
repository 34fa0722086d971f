package org.meridian.serve;

import java.io.PrintStream;
import java.util.List;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.check.Problems;
import org.meridian.export.JsonLdContext;
import org.meridian.graph.Project;
import org.meridian.linked.LinkedDataSite;
import org.meridian.query.QueryCatalog;
import org.meridian.serve.cache.CachingFilter;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Meridian running as a service: the embedded Fuseki with its pages over a {@link LiveBuild},
 * and a {@link Rebuilder} that swaps in a new build without a restart on SIGHUP, on request, or
 * when watched files change.
 */
public final class Service {
    private final FusekiServer server;
    private final LiveBuild live;
    private final Rebuilder rebuilder;

    private Service(FusekiServer server, LiveBuild live, Rebuilder rebuilder) {
        this.server = server;
        this.live = live;
        this.rebuilder = rebuilder;
    }

    /**
     * Builds (without starting) the service over {@code build}.
     * @param log where rebuilds report (standard error)
     * @return the service, or null when the project's page queries have problems (added to {@code problems})
     */
    public static Service create(Project project, DatabaseStore store, DatabaseStore.Build build,
                                 MeridianServer.Settings settings, PrintStream log, Problems problems) {
        return create(project, store, build, settings, 0, log, problems);
    }

    /**
     * As {@link #create(Project, DatabaseStore, DatabaseStore.Build, MeridianServer.Settings, PrintStream, Problems)},
     * keeping up to {@code cacheBytes} of answers to repeated queries.
     */
    public static Service create(Project project, DatabaseStore store, DatabaseStore.Build build,
                                 MeridianServer.Settings settings, long cacheBytes, PrintStream log, Problems problems) {
        DatasetGraph dataset = DatabaseStore.open(build); // MeridianServer.build prepares it
        LiveBuild live = new LiveBuild(new LiveBuild.Served(dataset, build.id(), build.created()));
        LinkedDataSite site = LinkedDataSite.open(project, live, !settings.federate().isEmpty(), problems);
        if (site == null) {
            close(dataset);
            return null;
        }
        FusekiServer server = MeridianServer.build(dataset, settings, store.root(),
                MeridianServer.queryPage(QueryCatalog.read(project.queries()))
                        .andThen(MeridianServer.jsonLdContext(JsonLdContext.file(project)))
                        .andThen(builder -> site.install(builder, MeridianServer.DATASET))
                        .andThen(builder -> builder.addFilter("/" + MeridianServer.DATASET + "/*",
                                new CachingFilter(live, cacheBytes))));
        live.attach(server);
        Rebuilder rebuilder = new Rebuilder(new Loader(project, store), live,
                next -> MeridianServer.prepare(DatabaseStore.open(next), settings), log);
        return new Service(server, live, rebuilder);
    }

    public FusekiServer server() {
        return server;
    }

    public LiveBuild live() {
        return live;
    }

    public Rebuilder rebuilder() {
        return rebuilder;
    }

    /**
     * Rebuilds on SIGHUP ({@code kill -HUP PID}), as daemons reload their configuration.
     * @return false when this process was started with SIGHUP ignored (under {@code nohup}, say):
     *         the JVM then keeps it ignored, and a hangup cannot reach the rebuild
     */
    public boolean rebuildOnHangup() {
        return Signal.handle(new Signal("HUP"), signal -> rebuilder.request()) != SignalHandler.SIG_IGN;
    }

    /** Rebuilds when anything the build reads changes. */
    public void watch(Project project) {
        rebuilder.watch(List.of(project.data(), project.data().resolve("sources"), project.ontology(),
                project.checks()));
    }

    public void stop() {
        rebuilder.close();
        server.stop();
        close(live.current().dataset());
    }

    private static void close(DatasetGraph dataset) {
        TDBInternal.expel(dataset, true);
    }
}
