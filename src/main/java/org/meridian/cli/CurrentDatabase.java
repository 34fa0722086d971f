package org.meridian.cli;

import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.TDBException;
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
        DatasetGraph dataset = openOrExplain(build.get());
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

    /** Opens a build, explaining the usual reason it cannot be: another process has it open. */
    static DatasetGraph openOrExplain(DatabaseStore.Build build) throws CommandException {
        try {
            return DatabaseStore.open(build);
        } catch (DBOpEnvException | TDBException e) {
            throw cannotOpen(build, e);
        }
    }

    static CommandException cannotOpen(DatabaseStore.Build build, RuntimeException e) {
        return CommandException.failure("cannot open the database " + build.folder() + ": " + e.getMessage()
                + System.lineSeparator() + "hint: a running 'meridian serve' holds it; stop it, or send the query"
                + " to its SPARQL endpoint");
    }
}
