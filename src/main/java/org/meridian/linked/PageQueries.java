package org.meridian.linked;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.PatternVars;
import org.meridian.check.Problems;
import org.meridian.check.QueryErrors;
import org.meridian.graph.Project;

/**
 * The project's queries behind a resource page, in {@code queries/page/}: they know the model
 * (which nodes are facts, what holds their evidence, which graph holds which source), so the page
 * code does not. A missing file leaves its part of the page out.
 * <ul>
 * <li>{@code evidence.rq}: given {@code ?this}, rows of {@code ?fact ?source ?graph ?evidence}:
 * the facts about the resource with the words they rest on;</li>
 * <li>{@code sources.rq}: rows of {@code ?graph ?source}: the source whose facts a named graph holds.</li>
 * </ul>
 */
final class PageQueries {
    static final String FOLDER = "page";
    private final Query evidence;
    private final Query sources;

    private Map<Node, Node> sourcesOfBuild;
    private String sourcesBuild;

    private PageQueries(Query evidence, Query sources) {
        this.evidence = evidence;
        this.sources = sources;
    }

    /** A fact about a resource, the source it comes from, its graph and its evidence. */
    record Evidence(Node fact, Node source, Node graph, Node words) {}

    /** Reads the queries; problems (syntax, missing variables) are added to {@code problems}. */
    static PageQueries load(Project project, Problems problems) {
        Path folder = project.queries().resolve(FOLDER);
        return new PageQueries(
                read(project, folder.resolve("evidence.rq"), Set.of("this", "fact", "source", "graph", "evidence"), problems),
                read(project, folder.resolve("sources.rq"), Set.of("graph", "source"), problems));
    }

    /** The evidence for {@code resource}; empty without an evidence query. Inside a read transaction. */
    List<Evidence> evidence(DatasetGraph dataset, Node resource) {
        List<Evidence> found = new ArrayList<>();
        if (evidence == null)
            return found;
        try (QueryExec exec = QueryExec.dataset(dataset).query(evidence).substitution("this", resource).build()) {
            exec.select().forEachRemaining(row -> found.add(new Evidence(row.get("fact"), row.get("source"),
                    row.get("graph"), row.get("evidence"))));
        }
        return found;
    }

    /**
     * {@link #sourcesByGraph(DatasetGraph)} of build {@code buildId}, whose dataset {@code dataset} is.
     * Asked for by every page, it runs over the whole dataset, and a build never changes: so it is
     * computed once per build, and a rebuild (a new id) computes it afresh.
     */
    synchronized Map<Node, Node> sourcesByGraph(DatasetGraph dataset, String buildId) {
        if (sourcesOfBuild == null || !buildId.equals(sourcesBuild)) {
            sourcesOfBuild = Collections.unmodifiableMap(sourcesByGraph(dataset));
            sourcesBuild = buildId;
        }
        return sourcesOfBuild;
    }

    /** Which source each named graph holds; empty without a sources query. Inside a read transaction. */
    Map<Node, Node> sourcesByGraph(DatasetGraph dataset) {
        Map<Node, Node> found = new HashMap<>();
        if (sources == null)
            return found;
        try (QueryExec exec = QueryExec.dataset(dataset).query(sources).build()) {
            RowSet rows = exec.select();
            while (rows.hasNext()) {
                Binding row = rows.next();
                if (row.get("graph") != null && row.get("source") != null)
                    found.putIfAbsent(row.get("graph"), row.get("source"));
            }
        }
        return found;
    }

    private static Query read(Project project, Path file, Set<String> variables, Problems problems) {
        if (!Files.isRegularFile(file))
            return null;
        String name = project.display(file);
        Query query;
        try {
            query = QueryFactory.create(Files.readString(file), Syntax.syntaxARQ);
        } catch (IOException e) {
            problems.add(name, 0, "cannot read the query: " + e.getMessage());
            return null;
        } catch (QueryParseException e) {
            problems.add(name, QueryErrors.line(e), "the query is not valid SPARQL: " + QueryErrors.message(e));
            return null;
        }
        if (!query.isSelectType()) {
            problems.add(name, 0, "a page query must be a SELECT query");
            return null;
        }
        Collection<Var> used = PatternVars.vars(query.getQueryPattern());
        boolean complete = true;
        for (String variable : variables) {
            boolean given = variable.equals("this") ? used.contains(Var.alloc(variable)) : query.getResultVars().contains(variable);
            if (!given)
                problems.add(name, 0, "the query must " + (variable.equals("this") ? "use" : "select") + " ?" + variable);
            complete &= given;
        }
        return complete ? query : null;
    }
}
