package org.meridian.cli;

import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/** {@code meridian load}: builds, checks and publishes the database. */
final class LoadCommand implements Command {
    @Override
    public String name() {
        return "load";
    }

    @Override
    public String summary() {
        return "build the database from ontology/ and data/, check it, and publish it";
    }

    @Override
    public Options options() {
        return Settings.withReport(Settings.withCommon(new Options())
                .addOption(Option.builder().longOpt("force").desc("rebuild even if the inputs have not changed").get()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        Project project = Settings.project(line);
        DatabaseStore store = Settings.store(line, project);
        Loader.Result result = new Loader(project, store).load(line.hasOption("force"),
                LoadProgress.forTerminal(project, console.err()));
        Settings.report(line, result.problems());
        Optional<DatabaseStore.Build> build = reportOutcome(result, console);
        if (build.isEmpty())
            return ExitCode.DATA;
        console.out().println("published build " + build.get().id() + ": " + build.get().quads() + " quads in "
                + store.root().resolve("current"));
        return ExitCode.OK;
    }

    /**
     * Makes sure the published build matches the project, building it if not. Progress and
     * problems go to the error stream.
     * @return the current build, or empty when the project has problems (they have been printed)
     */
    static Optional<DatabaseStore.Build> ensureBuilt(Project project, DatabaseStore store, boolean force, Console console) {
        if (force || !store.current().isPresent())
            console.err().println("building the database from " + project.root() + " ...");
        return reportOutcome(new Loader(project, store).load(force, LoadProgress.forTerminal(project, console.err())), console);
    }

    private static Optional<DatabaseStore.Build> reportOutcome(Loader.Result result, Console console) {
        if (!result.ok()) {
            result.problems().print(console.err());
            console.err().println(result.problems().size() + " problem(s); nothing was published");
            return Optional.empty();
        }
        if (result.reused())
            console.err().println("the database is up to date (build " + result.build().get().id() + ")");
        return result.build();
    }
}
