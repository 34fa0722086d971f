package org.meridian.serve;

import java.nio.file.Files;
import java.nio.file.Path;

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

/**
 * The embedded Fuseki: one read-only dataset, Fuseki's own UI, and of the admin area only the
 * read-only server status the UI needs. Nothing here can change the data.
 */
public final class MeridianServer {
    /** The dataset's name: its endpoints live under {@code /meridian/}. */
    public static final String DATASET = "meridian";

    private MeridianServer() {}

    /** Where to listen. */
    public record Settings(String host, int port) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 3030;
    }

    /**
     * Builds (without starting) a server for {@code dataset}.
     * @param workArea a folder the UI module may look in for a {@code webapp/} override; nothing is written there
     */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea) {
        return build(dataset, settings, workArea, null);
    }

    /**
     * Like {@link #build(DatasetGraph, Settings, Path)}, also serving the project's JSON-LD context
     * at {@link JsonLdContextServlet#PATH} when {@code jsonLdContext} is a file.
     */
    public static FusekiServer build(DatasetGraph dataset, Settings settings, Path workArea, Path jsonLdContext) {
        // SERVICE would let any visitor make this server fetch from any address.
        dataset.getContext().set(ARQ.httpServiceAllowed, false);

        FusekiServer.Builder builder = FusekiServer.create();
        if (jsonLdContext != null && Files.isRegularFile(jsonLdContext))
            builder.addServlet(JsonLdContextServlet.PATH, new JsonLdContextServlet(jsonLdContext));
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
        return server;
    }
}
