package org.meridian.cli;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.meridian.check.Problems;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;
import org.meridian.link.LinkReview;
import org.meridian.link.Proposal;

/**
 * {@code meridian link}: proposes links from an external RDF file for entities that have none,
 * into a review table; {@code --apply} moves the accepted ones into data/links.csv.
 */
final class LinkCommand implements Command {
    @Override
    public String name() {
        return "link";
    }

    @Override
    public String summary() {
        return "propose links to an external dataset for review; --apply adds the accepted ones";
    }

    @Override
    public String arguments() {
        return "[FILE]";
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options()
                .addOption(Option.builder().longOpt("apply")
                        .desc("move the rows of " + LinkReview.REVIEW_TABLE + " marked accept into data/links.csv;"
                                + " rows marked reject stay, and are never proposed again").get()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        String[] files = line.getArgs();
        if (files.length > 1 || (files.length == 0 && !line.hasOption("apply")))
            throw CommandException.usage("give one external RDF FILE (.nt or .ttl) to propose links from, and/or --apply");
        Project project = Settings.project(line);
        LinkReview review = new LinkReview(project);
        Problems problems = new Problems();
        try {
            if (line.hasOption("apply") && !apply(review, project, problems, console))
                return report(problems, console);
            if (files.length == 1 && !propose(review, Path.of(files[0]), problems, console))
                return report(problems, console);
        } catch (IOException e) {
            throw CommandException.failure("cannot write " + review.reviewTable() + " or data/links.csv: " + e.getMessage());
        }
        return ExitCode.OK;
    }

    private static boolean apply(LinkReview review, Project project, Problems problems, Console console) throws IOException {
        LinkReview.Applied applied = review.apply(problems);
        if (applied == null)
            return false;
        for (Proposal row : applied.accepted())
            console.out().println("linked " + row.entity() + " to " + row.scheme() + " " + row.identifier());
        console.out().println(applied.accepted().size() + " accepted link(s) moved to data/links.csv; "
                + applied.rejected() + " rejected and remembered; " + applied.undecided() + " undecided in " + review.reviewTable());
        if (applied.accepted().isEmpty())
            return true;
        // The new rows are curated data now: check them as a build would.
        Pipeline.Outcome outcome = Pipeline.build(project, DatasetGraphFactory.createTxnMem());
        problems.addAll(outcome.problems());
        return outcome.ok();
    }

    private static boolean propose(LinkReview review, Path file, Problems problems, Console console) throws IOException {
        LinkReview.Proposed proposed = review.propose(file, problems);
        if (proposed == null)
            return false;
        for (Proposal row : proposed.added())
            console.out().printf("%s  %-40s %s %s%n", row.score(), row.entity(), row.scheme(), row.identifier());
        console.out().println(proposed.added().size() + " new proposal(s) in " + review.reviewTable() + "; "
                + proposed.nearMisses() + " near-miss(es) of another kind or country left out; "
                + proposed.remembered() + " rejected earlier, not proposed again");
        if (!proposed.added().isEmpty())
            console.out().println("next: write accept or reject in its decision column, then run 'meridian link --apply'");
        return true;
    }

    private static int report(Problems problems, Console console) {
        problems.print(console.err());
        console.err().println(problems.size() + " problem(s)");
        return ExitCode.DATA;
    }
}
