package org.meridian.testing;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.Service;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/**
 * A project built into a real TDB2 database and served, as {@code meridian serve} does, by a real
 * Fuseki on a free loopback port with all its pages. Close it to stop the server.
 */
public final class ServedProject implements AutoCloseable {
    private final Service service;

    private ServedProject(Service service) {
        this.service = service;
    }

    /** Builds {@code projectDir} under {@code base} into {@code dbDir} and serves it. */
    public static ServedProject start(Path projectDir, String base, Path dbDir, List<String> federate) {
        return start(projectDir, base, dbDir, federate, System.err);
    }

    /** As {@link #start(Path, String, Path, List)}, with rebuild reports going to {@code log}. */
    public static ServedProject start(Path projectDir, String base, Path dbDir, List<String> federate, PrintStream log) {
        Project project = new Project(projectDir, base);
        DatabaseStore store = new DatabaseStore(dbDir);
        Loader.Result result = new Loader(project, store).load(false);
        if (!result.ok())
            throw new IllegalStateException(result.problems().sorted().stream().map(Problem::format)
                    .collect(Collectors.joining("\n")));
        Problems problems = new Problems();
        Service service = Service.create(project, store, result.build().orElseThrow(),
                new MeridianServer.Settings("127.0.0.1", 0, federate), log, problems);
        if (service == null)
            throw new IllegalStateException(problems.sorted().toString());
        service.server().start();
        return new ServedProject(service);
    }

    public Service service() {
        return service;
    }

    /** The server's root URL, ending in "/". */
    public String root() {
        return "http://127.0.0.1:" + service.server().getPort() + "/";
    }

    @Override
    public void close() {
        service.stop();
    }
}
