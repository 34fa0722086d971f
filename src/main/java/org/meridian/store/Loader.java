package org.meridian.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.sys.Names;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.check.Problems;
import org.meridian.graph.BuildListener;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;

/**
 * Builds a project into a fresh TDB2 folder and publishes it only if it is complete and valid,
 * so the served database never holds half a load. An unchanged project reuses the current build.
 */
public final class Loader {
    private final Project project;
    private final DatabaseStore store;

    public Loader(Project project, DatabaseStore store) {
        this.project = project;
        this.store = store;
    }

    /** The outcome of a load: the published build, or the problems that stopped it. */
    public record Result(Optional<DatabaseStore.Build> build, boolean reused, Problems problems) {
        public boolean ok() {
            return build.isPresent();
        }
    }

    /** Builds unless the current build was made from exactly these inputs (or {@code force}). */
    public Result load(boolean force) {
        return load(force, BuildListener.NONE);
    }

    /** As {@link #load(boolean)}, telling {@code listener} how the build goes. */
    public Result load(boolean force, BuildListener listener) {
        Optional<DatabaseStore.Build> current = store.current();
        // Files with the names, sizes and times the current build began with are the files it read:
        // serve starts without reading (and hashing) every table, hundreds of MB on a large project.
        String files = Fingerprint.files(project);
        if (!force && current.isPresent() && current.get().files().equals(files))
            return new Result(current, true, new Problems());
        String fingerprint = Fingerprint.of(project);
        if (!force && current.isPresent() && current.get().fingerprint().equals(fingerprint))
            return new Result(current, true, new Problems());

        Path folder = store.newBuildFolder(fingerprint);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(folder), FreshBuild.storeParams());
        Pipeline.Outcome outcome;
        try {
            // The folder is new and private until published: build it with the bulk loader and check it after.
            outcome = FreshBuild.build(project, dataset, listener);
        } finally {
            TDBInternal.expel(dataset, true);
        }
        // TDB2 keeps the build's cache sizes beside it; the served database opens with its defaults.
        deleteStoreParams(folder);
        if (!outcome.ok()) {
            DatabaseStore.delete(folder);
            return new Result(Optional.empty(), false, outcome.problems());
        }
        DatabaseStore.Build build = store.seal(folder, fingerprint, files, outcome.quads());
        store.publish(build);
        // Keep the build it replaces: a running server may still be reading it.
        store.removeOldBuilds(current.map(DatabaseStore.Build::folder).orElse(null));
        return new Result(Optional.of(build), false, outcome.problems());
    }

    private static void deleteStoreParams(Path folder) {
        try {
            Files.deleteIfExists(folder.resolve(Names.TDB_CONFIG_FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
