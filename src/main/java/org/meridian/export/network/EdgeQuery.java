package org.meridian.export.network;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.meridian.check.QueryErrors;
import org.meridian.export.ExportException;
import org.meridian.graph.Project;

/**
 * A query in {@code queries/network/} that finds edges. The contract: a SELECT that binds
 * {@code ?from} and {@code ?to} (node IRIs) and {@code ?type} (a short name for the kind of
 * relation), and may bind {@code ?fromLabel ?toLabel ?fromKind ?toKind ?start ?end ?amount ?unit
 * ?source ?relation ?directed}. Any other variable is a mistake and is reported.
 */
public record EdgeQuery(String name, Query query) {
    static final String FOLDER = "network";
    static final List<String> REQUIRED = List.of("from", "to", "type");
    static final Set<String> OPTIONAL = Set.of("fromLabel", "toLabel", "fromKind", "toKind", "start", "end",
            "amount", "unit", "source", "relation", "directed");

    /** Every edge query of the project, in file-name order; all problems are reported together. */
    static List<EdgeQuery> load(Project project) throws ExportException {
        Path folder = project.queries().resolve(FOLDER);
        List<Path> files = files(folder);
        if (files.isEmpty())
            throw new ExportException(project.display(folder) + ": error: no edge queries (*.rq) to build the network from"
                    + System.lineSeparator() + "hint: each is a SELECT binding ?from ?to ?type; see README.md, section Exports");
        List<EdgeQuery> queries = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = project.display(file);
            try {
                Query query = QueryFactory.create(Files.readString(file), Syntax.syntaxARQ);
                String problem = contractProblem(query);
                if (problem == null)
                    queries.add(new EdgeQuery(name, query));
                else
                    problems.add(name + ": error: " + problem);
            } catch (QueryParseException e) {
                problems.add(name + ":" + Math.max(QueryErrors.line(e), 1) + ":" + QueryErrors.column(e) + ": error: "
                        + QueryErrors.message(e));
            } catch (IOException e) {
                problems.add(name + ": error: cannot read: " + e.getMessage());
            }
        }
        if (!problems.isEmpty())
            throw new ExportException(String.join(System.lineSeparator(), problems));
        return queries;
    }

    private static String contractProblem(Query query) {
        if (!query.isSelectType())
            return "an edge query must be a SELECT, not " + query.queryType();
        List<String> vars = query.getResultVars();
        for (String required : REQUIRED)
            if (!vars.contains(required))
                return "an edge query must select ?" + required + " (it selects ?" + String.join(" ?", vars) + ")";
        for (String var : vars)
            if (!REQUIRED.contains(var) && !OPTIONAL.contains(var))
                return "?" + var + " is not part of the edge contract; the optional variables are ?"
                        + String.join(" ?", OPTIONAL.stream().sorted().toList());
        return null;
    }

    private static List<Path> files(Path folder) throws ExportException {
        if (!Files.isDirectory(folder))
            return List.of();
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(f -> f.getFileName().toString().endsWith(".rq") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new ExportException(folder + ": error: cannot list: " + e.getMessage());
        }
    }
}
