package org.meridian.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.meridian.serve.guard.CuratorAccess;
import org.meridian.serve.guard.HttpHardening;
import org.meridian.serve.guard.Limits;
import org.meridian.serve.guard.PublicGuards;

/**
 * The embedded Fuseki: one read-only dataset, Fuseki's own UI, and of the admin area only the
 * read-only server status the UI needs. Nothing here can change the data.
 */
public final class MeridianServer {
    /** The dataset's name: its endpoints live under {@code /meridian/}. */
    public static final String DATASET = "meridian";

    private MeridianServer() {}

    /**
     * Where to listen, the public endpoint's limits, which origins may read it from other sites
     * ({@code *}: any; empty: no CORS), and the curators' write access, if any.
     */
    public record Settings(String host, int port, Limits limits, List<String> corsOrigins,
                           Optional<CuratorAccess> curator) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 3030;
        public static final List<String> DEFAULT_CORS_ORIGINS = List.of("*");

        /** Listens at {@code host:port} with every other setting at its default. */
        public Settings(String host, int port) {
            this(host, port, Limits.defaults(), DEFAULT_CORS_ORIGINS, Optional.empty());
        }
    }

    /**
     * Builds (without starting) a server for {@code dataset}.
     * @param workArea a folder the UI module may look in for a {@code webapp/} override; nothing is written there
     */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea) {
        // SERVICE would let any visitor make this server fetch from any address.
        dataset.getContext().set(ARQ.httpServiceAllowed, false);

        FusekiServer.Builder builder = FusekiServer.create();
        PublicGuards.apply(builder, dataset.getContext(), settings.limits());
        FusekiServer server = builder
                .port(settings.port())
                // Read-only: query and Graph Store reads. The two-argument add() would enable update.
                .add(DATASET, dataset, false)
                // The UI module does nothing without a server control object, and the UI lists
                // datasets through /$/server, which otherwise only comes with the whole admin module.
                .addServletAttribute(Fuseki.attrFusekiServerCtl, new FusekiServerCtl(workArea))
                .addServlet("/$/server", new ActionServerStatus())
                .enablePing(true)
                .fusekiModules(FusekiModules.create(new FMod_UI()))
                // The UI module also registers /$/validate/*, which the UI does not call; its data
                // validator parses JSON-LD and would fetch any remote @context a visitor names.
                .addFilter("/$/validate/*", new NotServed())
                .build();
        for (Connector connector : server.getJettyServer().getConnectors())
            if (connector instanceof ServerConnector serverConnector)
                serverConnector.setHost(settings.host());
        HttpHardening.apply(server, settings.limits(), settings.corsOrigins());
        return server;
    }
}
