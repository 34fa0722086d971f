package org.meridian.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;

/** {@code meridian validate}: the whole build and its checks, in memory; writes nothing. */
final class ValidateCommand implements Command {
    @Override
    public String name() {
        return "validate";
    }

    @Override
    public String summary() {
        return "check the ontology and data as a build would, without writing anything";
    }

    @Override
    public Options options() {
        return Settings.withReport(Settings.withCommon(new Options()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        Project project = Settings.project(line);
        Pipeline.Outcome outcome = Pipeline.build(project, DatasetGraphFactory.createTxnMem());
        Settings.report(line, outcome.problems());
        if (!outcome.ok()) {
            outcome.problems().print(console.err());
            console.err().println(outcome.problems().size() + " problem(s)");
            return ExitCode.DATA;
        }
        console.out().println("valid: " + outcome.quads() + " quads, no problems");
        return ExitCode.OK;
    }
}
