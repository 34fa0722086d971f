package org.meridian.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Runs the lint queries of {@code queries/checks/}: each is a {@code SELECT ?error} (optionally
 * with {@code ?focus}, the node at fault) that must return no rows. Each row is a problem, located
 * at the table line that produced the focus node when there is one.
 */
public final class LintCheck {
    private static final Var ERROR = Var.alloc("error");
    private static final Var FOCUS = Var.alloc("focus");

    /**
     * Rows a check's DISTINCT or ORDER BY keeps in memory before Jena writes the rest to disk: a scan
     * of distinct values (231,010 IRIs at 10M triples) must not grow the heap with the input.
     */
    static final long SPILL_THRESHOLD = 100_000;

    private final List<Path> checks;
    private final Function<Path, String> display;
    private final long spillThreshold;

    /**
     * @param folder  the folder of {@code .rq} checks (missing means none)
     * @param display how messages name a file
     */
    public LintCheck(Path folder, Function<Path, String> display) {
        this(folder, display, SPILL_THRESHOLD);
    }

    LintCheck(Path folder, Function<Path, String> display, long spillThreshold) {
        this.checks = list(folder);
        this.display = display;
        this.spillThreshold = spillThreshold;
    }

    /** The check files, in the order {@link #check(DatasetGraph)} runs them. */
    public List<Path> files() {
        return checks;
    }

    /**
     * Runs every check over {@code dataset} (inside the caller's transaction). Queries see the
     * union of the named graphs as their default graph, and each named graph by name. A problem with
     * a focus node waits for {@link Problems#locate} to place it.
     */
    public Problems check(DatasetGraph dataset) {
        Problems problems = new Problems();
        for (Path file : checks)
            problems.addAll(check(dataset, file));
        return problems;
    }

    /** Runs one check file over {@code dataset}, as {@link #check(DatasetGraph)} does each. */
    public Problems check(DatasetGraph dataset, Path file) {
        Problems problems = new Problems();
        String name = display.apply(file);
        Query query;
        try {
            query = QueryFactory.create(Files.readString(file));
        } catch (QueryParseException e) {
            problems.add("check.syntax", name, QueryErrors.line(e), "the check is not valid SPARQL: " + QueryErrors.message(e));
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!query.isSelectType() || !query.getProjectVars().contains(ERROR)) {
            problems.add("check.not-select", name, 0, "a check must be a SELECT with an ?error column");
            return problems;
        }
        try (QueryExec exec = UnionView.query(dataset).query(query).set(ARQ.spillToDiskThreshold, spillThreshold).build()) {
            RowSet rows = exec.select();
            rows.forEachRemaining(row -> add(problems, row, name));
        }
        return problems;
    }

    private static void add(Problems problems, Binding row, String checkName) {
        Node error = row.get(ERROR);
        String message = (error == null ? "(no message)" : error.isLiteral() ? error.getLiteralLexicalForm() : error.toString())
                + " [" + checkName + "]";
        String rule = "check:" + checkName.replaceAll("^.*/", "").replaceFirst("\\.rq$", "");
        // Without a focus node, or one no table describes, the problem is the check's own.
        Problem problem = Problem.at(checkName, 0, message).withRule(rule);
        Node focus = row.get(FOCUS);
        if (focus == null)
            problems.add(problem);
        else
            problems.add(focus, problem.withValue(focus.toString()));
    }

    private static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder))
            return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
