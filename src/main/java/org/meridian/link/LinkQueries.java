package org.meridian.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.meridian.check.Problems;
import org.meridian.check.QueryErrors;
import org.meridian.graph.Project;

/**
 * The project's queries behind the link command, in {@code queries/link/}: which datasets links
 * point into ({@code targets.rq}), which of our entities have no link there yet with their names,
 * kinds and countries ({@code unlinked.rq}), and the names, kinds and countries of the items in an
 * external file ({@code candidates.rq}). They hold the model; the matching does not.
 */
final class LinkQueries {
    static final String FOLDER = "link";
    private final Query targets;
    private final Query unlinked;
    private final Query candidates;

    private LinkQueries(Query targets, Query unlinked, Query candidates) {
        this.targets = targets;
        this.unlinked = unlinked;
        this.candidates = candidates;
    }

    /** A dataset links can point into: the links table's scheme name and its IRIs' common start. */
    record Target(String scheme, String space) {
        /** The identifier of an IRI in this dataset: Q159 for .../entity/Q159, 2017370 for .../2017370/. */
        String identifier(String iri) {
            String rest = iri.substring(space.length());
            return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        }
    }

    /** @return the queries, or null when one is missing or broken (problems say which) */
    static LinkQueries load(Project project, Problems problems) {
        Path folder = project.queries().resolve(FOLDER);
        Query targets = read(project, folder.resolve("targets.rq"), Set.of("scheme", "space"), problems);
        Query unlinked = read(project, folder.resolve("unlinked.rq"), Set.of("entity", "label", "kind", "country"), problems);
        Query candidates = read(project, folder.resolve("candidates.rq"), Set.of("item", "name", "alias", "kind", "country"), problems);
        return problems.isEmpty() ? new LinkQueries(targets, unlinked, candidates) : null;
    }

    List<Target> targets(Graph ours) {
        List<Target> found = new ArrayList<>();
        for (Binding row : select(targets, ours, null))
            found.add(new Target(row.get("scheme").getLiteralLexicalForm(), row.get("space").getLiteralLexicalForm()));
        return found;
    }

    List<Binding> unlinked(Graph ours, Target target) {
        return select(unlinked, ours, NodeFactory.createLiteralString(target.space()));
    }

    List<Binding> candidates(Graph external) {
        return select(candidates, external, null);
    }

    private static List<Binding> select(Query query, Graph graph, Node space) {
        var builder = QueryExec.dataset(DatasetGraphFactory.wrap(graph)).query(query);
        if (space != null)
            builder = builder.substitution("space", space);
        try (QueryExec exec = builder.build()) {
            List<Binding> rows = new ArrayList<>();
            exec.select().forEachRemaining(rows::add);
            return rows;
        }
    }

    private static Query read(Project project, Path file, Set<String> variables, Problems problems) {
        String name = project.display(file);
        if (!Files.isRegularFile(file)) {
            problems.add(name, 0, "missing: the link command needs this query");
            return null;
        }
        try {
            Query query = QueryFactory.create(Files.readString(file), Syntax.syntaxARQ);
            for (String variable : variables)
                if (!query.getResultVars().contains(variable))
                    problems.add(name, 0, "the query must select ?" + variable);
            return query;
        } catch (IOException e) {
            problems.add(name, 0, "cannot read the query: " + e.getMessage());
        } catch (QueryParseException e) {
            problems.add(name, QueryErrors.line(e), "the query is not valid SPARQL: " + QueryErrors.message(e));
        }
        return null;
    }
}
