package org.meridian.serve.guard;

import java.util.List;

import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.sparql.core.DatasetGraph;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The optional write path: a second Fuseki server, bound to 127.0.0.1 only, offering nothing
 * but SPARQL Update on {@code /meridian/update} to one user who proves the password with HTTP
 * Basic authentication. It exists only when the operator names a curator.
 */
public final class CuratorServer {
    /** The loopback address the writer listens on, whatever the public server's host. */
    public static final String HOST = "127.0.0.1";

    private CuratorServer() {}

    /** Builds (without starting) the writer over the same dataset the public server reads. */
    public static FusekiServer build(String datasetName, DatasetGraph dataset, CuratorAccess access, Limits limits) {
        DataService service = DataService.newBuilder(dataset)
                .addEndpoint(Operation.Update, "update")
                .build();
        FusekiServer server = FusekiServer.create()
                .port(access.port())
                .add(datasetName, service)
                .registerOperation(Operation.Update, new CuratorUpdate())
                .auth(AuthScheme.BASIC)
                .securityHandler(JettySecurityLib.makeSecurityHandler("Meridian curators",
                        JettySecurityLib.makeUserStore(access.user(), access.password()), AuthScheme.BASIC))
                .serverAuthPolicy(Auth.policyAllowSpecific(access.user()))
                .build();
        for (Connector connector : server.getJettyServer().getConnectors())
            if (connector instanceof ServerConnector serverConnector)
                serverConnector.setHost(HOST);
        HttpHardening.apply(server, limits, List.of());
        return server;
    }
}
