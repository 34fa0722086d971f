package org.meridian.cli;

import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.export.ExportException;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;

/** Runs a piece of reading work on the current build, building it first when the project changed. */
final class CurrentDatabase {
    /** Work done inside one read transaction. */
    interface Work {
        void run(DatasetGraph dataset) throws ExportException, CommandException;
    }

    private CurrentDatabase() {}

    /** @return false when the project has problems (they have been printed), so there is nothing to read */
    static boolean read(CommandLine line, Project project, Console console, Work work) throws CommandException {
        DatabaseStore store = Settings.store(line, project);
        Optional<DatabaseStore.Build> build = LoadCommand.ensureBuilt(project, store, false, console);
        if (build.isEmpty())
            return false;
        DatasetGraph dataset = QueryCommand.openOrExplain(build.get());
        try {
            dataset.begin(ReadWrite.READ);
            try {
                work.run(dataset);
            } finally {
                dataset.end();
            }
        } catch (ExportException e) {
            throw CommandException.failure(e.getMessage());
        } finally {
            TDBInternal.expel(dataset, true);
        }
        return true;
    }
}
