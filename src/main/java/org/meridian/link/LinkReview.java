package org.meridian.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.meridian.check.CollectingErrorHandler;
import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;

/**
 * Finding links and deciding on them. {@link #propose} matches an external file against the
 * project's unlinked entities and adds what it finds to the review table; {@link #apply} moves
 * the accepted rows into the curated links table and keeps the rejected ones, so they are never
 * proposed again.
 */
public final class LinkReview {
    /** Where the review table lives in a project. */
    public static final String REVIEW_TABLE = "review/links.csv";
    private final Project project;
    private final ReviewTable review;
    private final LinksTable links;

    public LinkReview(Project project) {
        this.project = project;
        Path reviewFile = project.root().resolve(REVIEW_TABLE);
        this.review = new ReviewTable(reviewFile, project.display(reviewFile));
        Path linksFile = project.data().resolve("links.csv");
        this.links = new LinksTable(linksFile, project.display(linksFile));
    }

    public String reviewTable() {
        return review.name();
    }

    /** What {@link #apply} did. */
    public record Applied(List<Proposal> accepted, int rejected, int undecided) {}

    /** What {@link #propose} added to the review table, and what it left out. */
    public record Proposed(List<Proposal> added, int nearMisses, int remembered) {}

    /** @return what was done, or null when nothing was because of problems (added to {@code problems}) */
    public Applied apply(Problems problems) throws IOException {
        List<Proposal> rows = review.read(problems);
        List<Proposal> accepted = rows.stream().filter(r -> r.decision().equals(Proposal.ACCEPT)).toList();
        for (Proposal row : accepted)
            if (row.evidence().isEmpty())
                problems.add(Problem.at(review.name(), row.line(), "accepted without evidence")
                        .withHint("say in the evidence column why " + row.identifier() + " is " + row.entity()));
        if (!accepted.isEmpty())
            links.check(problems);
        if (!problems.isEmpty())
            return null;
        if (!accepted.isEmpty()) {
            links.append(accepted);
            review.write(rows.stream().filter(r -> !r.decision().equals(Proposal.ACCEPT)).toList());
        }
        int rejected = (int) rows.stream().filter(r -> r.decision().equals(Proposal.REJECT)).count();
        return new Applied(accepted, rejected, rows.size() - accepted.size() - rejected);
    }

    /** @return the new proposals, or null when there are problems (added to {@code problems}) */
    public Proposed propose(Path externalFile, Problems problems) throws IOException {
        LinkQueries queries = LinkQueries.load(project, problems);
        List<Proposal> rows = review.read(problems);
        Graph external = readExternal(externalFile, problems);
        if (!problems.isEmpty())
            return null;
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Pipeline.Outcome built = Pipeline.build(project, dataset);
        if (!built.ok()) {
            problems.addAll(built.problems());
            return null;
        }
        Set<String> reviewed = new HashSet<>();
        rows.forEach(r -> reviewed.add(r.key()));
        Matcher matcher = new Matcher(project.base() + "id/", externalFile.getFileName().toString());
        List<Proposal> added = new ArrayList<>();
        int nearMisses = Txn.calculateRead(dataset, () -> {
            Graph ours = dataset.getUnionGraph();
            int missed = 0;
            for (LinkQueries.Target target : queries.targets(ours)) {
                Matcher.Outcome outcome = matcher.match(target, queries.unlinked(ours, target),
                        queries.candidates(external), linkedInto(ours, target), reviewed);
                added.addAll(outcome.proposals());
                missed += outcome.nearMisses();
            }
            return missed;
        });
        int remembered = (int) rows.stream().filter(r -> r.decision().equals(Proposal.REJECT)).count();
        if (!added.isEmpty()) {
            List<Proposal> all = new ArrayList<>(rows);
            all.addAll(added);
            review.write(all);
        }
        return new Proposed(added, nearMisses, remembered);
    }

    /** The IRIs in a target that some entity already links to: they are taken. */
    private static Set<String> linkedInto(Graph ours, LinkQueries.Target target) {
        Set<String> taken = new HashSet<>();
        ours.find().forEachRemaining(t -> {
            if (t.getObject().isURI() && t.getObject().getURI().startsWith(target.space()))
                taken.add(t.getObject().getURI());
        });
        return taken;
    }

    private static Graph readExternal(Path file, Problems problems) {
        String name = file.toString();
        if (!Files.isRegularFile(file)) {
            problems.add(name, 0, "no such file");
            return null;
        }
        if (RDFLanguages.filenameToLang(name) == null) {
            problems.add(Problem.at(name, 0, "cannot tell the RDF syntax from the file name")
                    .withHint("name it .nt (N-Triples) or .ttl (Turtle)"));
            return null;
        }
        Graph graph = GraphFactory.createDefaultGraph();
        try {
            RDFParser.source(file).errorHandler(new CollectingErrorHandler(problems, null, name)).parse(graph);
        } catch (RiotException e) {
            // Recorded by the error handler with its line.
        }
        return graph;
    }
}
