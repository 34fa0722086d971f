package org.meridian.serve;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.meridian.query.QueryCatalog;
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
    private static final int OUTPUT_BUFFER = 32 * 1024;

    private MeridianServer() {}

    /**
     * Where to listen, which SPARQL endpoints SERVICE may call (none by default), the public
     * endpoint's limits, which origins may read it from other sites ({@code *}: any; empty: no
     * CORS), and the curators' write access, if any.
     */
    public record Settings(String host, int port, List<String> federate, Limits limits, List<String> corsOrigins,
                           Optional<CuratorAccess> curator) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 3030;
        public static final List<String> DEFAULT_CORS_ORIGINS = List.of("*");

        public Settings {
            federate = List.copyOf(federate);
            corsOrigins = List.copyOf(corsOrigins);
        }

        /** Listens at {@code host:port} with every other setting at its default. */
        public Settings(String host, int port) {
            this(host, port, List.of());
        }

        /** Listens at {@code host:port}, federating with {@code federate}, other settings at their defaults. */
        public Settings(String host, int port, List<String> federate) {
            this(host, port, federate, Limits.defaults(), DEFAULT_CORS_ORIGINS, Optional.empty());
        }
    }

    /**
     * Builds (without starting) a server for {@code dataset}.
     * @param workArea a folder the UI module may look in for a {@code webapp/} override; nothing is written there
     */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea) {
        return build(dataset, settings, workArea, builder -> {});
    }

    /** As {@link #build(DatasetGraph, Settings, Path)}, with the ready-made queries page at {@code /queries}. */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea, QueryCatalog queries) {
        return build(dataset, settings, workArea, queryPage(queries));
    }

    /** Adds {@code /queries}: the named queries, each opening in the UI's query editor. */
    public static Consumer<FusekiServer.Builder> queryPage(QueryCatalog queries) {
        return builder -> builder.addServlet("/queries/*", new QueryListPage(queries, DATASET));
    }

    /** Adds the project's JSON-LD context at {@link JsonLdContextServlet#PATH}, when the file exists. */
    public static Consumer<FusekiServer.Builder> jsonLdContext(Path file) {
        return builder -> {
            if (file != null && Files.isRegularFile(file))
                builder.addServlet(JsonLdContextServlet.PATH, new JsonLdContextServlet(file));
        };
    }

    /**
     * Sets on a dataset what the server needs of every dataset it serves; a rebuild's new dataset
     * gets it too.
     */
    public static DatasetGraph prepare(DatasetGraph dataset, Settings settings) {
        // SERVICE would let any visitor make this server fetch from any address: only an allow-list opens it.
        FederationPolicy.apply(dataset.getContext(), settings.federate());
        // Timeouts and the cancellable regex and paths live on the dataset: a rebuild's dataset needs them too.
        PublicGuards.configure(dataset.getContext(), settings.limits());
        return dataset;
    }

    /**
     * Builds (without starting) a server for {@code dataset}, letting {@code extension} add its own
     * servlets and filters (the query page, the linked-data pages) before the server is built.
     */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea,
                                     Consumer<FusekiServer.Builder> extension) {
        prepare(dataset, settings);
        FusekiServer.Builder builder = PublicGuards.apply(FusekiServer.create(), settings.limits())
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
                .addFilter("/" + DATASET + "/*", new DefaultGraphIsUnion());
        extension.accept(builder);
        FusekiServer server = builder.build();
        for (Connector connector : server.getJettyServer().getConnectors())
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(settings.host());
                // Fuseki asks Jetty for a 5 MiB response buffer, taken for every response: most answers
                // are small, and the benchmark measured far more point lookups per second with 32 KiB.
                HttpConnectionFactory http = serverConnector.getConnectionFactory(HttpConnectionFactory.class);
                if (http != null)
                    http.getHttpConfiguration().setOutputBufferSize(OUTPUT_BUFFER);
            }
        HttpHardening.apply(server, settings.limits(), settings.corsOrigins());
        return server;
    }
}
