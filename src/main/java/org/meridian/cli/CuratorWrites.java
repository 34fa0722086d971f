package org.meridian.cli;

import java.util.Optional;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.guard.CuratorServer;

/** Starts the curators' loopback update endpoint when {@code serve} was given a curator. */
final class CuratorWrites {
    private CuratorWrites() {}

    static Optional<FusekiServer> start(MeridianServer.Settings settings, DatasetGraph dataset, Console console)
            throws CommandException {
        if (settings.curator().isEmpty())
            return Optional.empty();
        FusekiServer writer = CuratorServer.build(MeridianServer.DATASET, dataset, settings.curator().get(), settings.limits());
        try {
            writer.start();
        } catch (RuntimeException e) {
            throw CommandException.usage("cannot listen on " + CuratorServer.HOST + ":" + settings.curator().get().port()
                    + " for curator updates (is another server using it?); choose another with --update-port");
        }
        console.out().println("  curator updates: http://" + CuratorServer.HOST + ":" + writer.getPort() + "/"
                + MeridianServer.DATASET + "/update (user " + settings.curator().get().user()
                + ", HTTP Basic, this machine only)");
        return Optional.of(writer);
    }
}
