package org.meridian.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.linked.LinkedDataSite;
import org.meridian.serve.MeridianServer;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/**
 * A project built into a real TDB2 database and served, as {@code meridian serve} does, by a real
 * Fuseki on a free loopback port with the linked-data pages. Close it to stop the server.
 */
public final class ServedProject implements AutoCloseable {
    private final DatasetGraph dataset;
    private final FusekiServer server;

    private ServedProject(DatasetGraph dataset, FusekiServer server) {
        this.dataset = dataset;
        this.server = server;
    }

    /** Builds {@code projectDir} under {@code base} into {@code dbDir} and serves it. */
    public static ServedProject start(Path projectDir, String base, Path dbDir, List<String> federate) {
        Project project = new Project(projectDir, base);
        Loader.Result result = new Loader(project, new DatabaseStore(dbDir)).load(false);
        if (!result.ok())
            throw new IllegalStateException(result.problems().sorted().stream().map(Problem::format)
                    .collect(Collectors.joining("\n")));
        DatasetGraph dataset = DatabaseStore.open(result.build().orElseThrow());
        Problems problems = new Problems();
        LinkedDataSite site = LinkedDataSite.open(project, dataset, !federate.isEmpty(), problems);
        if (site == null) {
            TDBInternal.expel(dataset, true);
            throw new IllegalStateException(problems.sorted().toString());
        }
        FusekiServer server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0, federate),
                dbDir.resolveSibling("work"), builder -> site.install(builder, MeridianServer.DATASET)).start();
        return new ServedProject(dataset, server);
    }

    /** The server's root URL, ending in "/". */
    public String root() {
        return "http://127.0.0.1:" + server.getPort() + "/";
    }

    @Override
    public void close() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }
}
