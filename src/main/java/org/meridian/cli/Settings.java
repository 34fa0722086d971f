package org.meridian.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.meridian.check.ProblemReport;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;

/** The options every command shares: which project, which database folder, which IRI base. */
final class Settings {
    private Settings() {}

    static Options withCommon(Options options) {
        return options
                .addOption(Option.builder().longOpt("project").hasArg().argName("DIR")
                        .desc("the project folder holding ontology/, data/ and queries/ (default: the current folder)").get())
                .addOption(Option.builder().longOpt("db").hasArg().argName("DIR")
                        .desc("where database builds live (default: PROJECT/var/db)").get())
                .addOption(Option.builder().longOpt("base").hasArg().argName("IRI")
                        .desc("the IRI that entity IRIs are minted under (default: " + Project.DEFAULT_BASE + ")").get())
                .addOption(Option.builder("h").longOpt("help").desc("show this help").get());
    }

    /** Adds {@code --report FILE}: the problems as JSON, for scripts. */
    static Options withReport(Options options) {
        return options.addOption(Option.builder().longOpt("report").hasArg().argName("FILE")
                .desc("also write the problems as JSON to FILE (file, line, column, value, rule, message)").get());
    }

    /** Writes the JSON report if {@code --report} asked for one. */
    static void report(CommandLine line, Problems problems) throws CommandException {
        if (!line.hasOption("report"))
            return;
        try {
            ProblemReport.write(problems, Path.of(line.getOptionValue("report")));
        } catch (IOException e) {
            throw CommandException.failure("cannot write the report " + line.getOptionValue("report") + ": " + e.getMessage());
        }
    }

    static Project project(CommandLine line) throws CommandException {
        String base = line.getOptionValue("base", Project.DEFAULT_BASE);
        try {
            IRIx iri = IRIx.create(base);
            if (!iri.isReference() || !base.endsWith("/"))
                throw CommandException.usage("--base must be an absolute IRI ending in '/': " + base);
        } catch (IRIException e) {
            throw CommandException.usage("--base is not a valid IRI: " + base);
        }
        Path root = Path.of(line.getOptionValue("project", "."));
        return new Project(root, base);
    }

    static DatabaseStore store(CommandLine line, Project project) {
        String db = line.getOptionValue("db");
        return new DatabaseStore(db == null ? project.root().resolve("var/db") : Path.of(db));
    }
}
