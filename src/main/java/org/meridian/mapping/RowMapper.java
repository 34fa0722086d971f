package org.meridian.mapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.modify.TemplateLib;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.XSD;
import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.source.Row;

/**
 * Applies a {@link Mapping} to rows. Unlike tarql it never drops a row's triples silently: a cell
 * that makes an expression fail, an ill-typed literal or an invalid IRI is a problem at the row's line.
 */
public final class RowMapper {
    private final Mapping mapping;
    /** The mapping's WHERE clause, its {@code IRI()} calls remembering what they made ({@link KnownIris}). */
    private final Op where;
    private final String tableName;
    private final Node defaultGraph;
    private final ExecutionContext context;
    private final QuadCheck quadCheck = new QuadCheck();

    /**
     * @param tableName    how problems name the table file
     * @param defaultGraph where template triples outside any GRAPH block go
     * @param dataFolder   the folder {@code fn:text} reads files from (see {@link MappingFunctions})
     */
    public RowMapper(Mapping mapping, String tableName, Node defaultGraph, Path dataFolder) {
        this.mapping = mapping;
        this.where = KnownIris.remembering(mapping.where());
        this.tableName = tableName;
        this.defaultGraph = defaultGraph;
        this.context = ExecutionContext.create(DatasetGraphFactory.empty(), MappingFunctions.context(dataFolder));
    }

    /** Maps one row; quads go to {@code out}, problems to {@code problems}. */
    public void map(Row row, Problems problems, Consumer<Quad> out) {
        Binding input = bind(row);
        QueryIterator results;
        try {
            results = QC.execute(where, input, context);
        } catch (RuntimeException e) {
            problems.add("row.mapping-failed", tableName, row.line(), "the mapping " + mapping.displayName() + " failed: " + e.getMessage());
            return;
        }
        int problemsBefore = problems.size();
        int emitted = 0;
        try {
            while (results.hasNext()) {
                Binding result = results.next();
                if (!reportFailedAssignments(row, result, problems))
                    emitted += emit(row, result, problems, out);
            }
        } finally {
            results.close();
        }
        if (emitted == 0 && problems.size() == problemsBefore)
            problems.add("row.no-triples", tableName, row.line(), "the row produced no triples (is a cell the mapping needs empty?)");
    }

    private static Binding bind(Row row) {
        BindingBuilder builder = BindingBuilder.create();
        row.cells().forEach((column, value) ->
                builder.add(Var.alloc(column), NodeFactory.createLiteralString(value)));
        builder.add(Var.alloc(Mapping.ROW_NUMBER),
                NodeFactory.createLiteralDT(Long.toString(row.number()), XSDDatatype.XSDinteger));
        return builder.build();
    }

    /** A BIND whose inputs are all bound but whose result is not raised an error: a bad cell. */
    private boolean reportFailedAssignments(Row row, Binding result, Problems problems) {
        boolean failed = false;
        for (Pair<Var, Expr> assignment : mapping.assignments()) {
            Var var = assignment.getLeft();
            Expr expr = assignment.getRight();
            if (result.contains(var) || !ExprVars.getVarsMentioned(expr).stream().allMatch(result::contains))
                continue;
            failed = true;
            Problem problem = Problem.at(tableName, row.line(), "cannot compute ?" + var.getVarName() + " from "
                    + inputsOf(expr, result) + ": " + evaluationError(expr, result)).withRule("row.bad-cell");
            List<Var> columns = ExprVars.getVarsMentioned(expr).stream().filter(v -> row.cells().containsKey(v.getVarName())).toList();
            problems.add(columns.size() == 1
                    ? problem.withCell(columns.get(0).getVarName(), row.cells().get(columns.get(0).getVarName()))
                    : problem);
        }
        return failed;
    }

    private String inputsOf(Expr expr, Binding result) {
        StringBuilder text = new StringBuilder();
        for (Var v : ExprVars.getVarsMentioned(expr)) {
            if (v.getVarName().equals(Mapping.ROW_NUMBER))
                continue;
            if (!text.isEmpty())
                text.append(", ");
            text.append(v.getVarName()).append(" = ").append(FmtUtils.stringForNode(result.get(v)));
        }
        return text.isEmpty() ? "the row" : text.toString();
    }

    private String evaluationError(Expr expr, Binding result) {
        try {
            expr.eval(result, context);
            return "the expression gave no value";
        } catch (ExprEvalException e) {
            return String.valueOf(e.getMessage()).replace(XSD.NS, "xsd:");
        }
    }

    /** Blank nodes named after the table, row and template label: rebuilding gives the same ones. */
    private Map<Node, Node> blankNodesFor(Row row) {
        Map<Node, Node> blankNodes = new HashMap<>();
        for (Quad pattern : mapping.template())
            for (Node node : List.of(pattern.getGraph(), pattern.getSubject(), pattern.getObject()))
                if (node.isBlank() || Var.isBlankNodeVar(node))
                    blankNodes.computeIfAbsent(node, n -> NodeFactory.createBlankNode(
                            UUID.nameUUIDFromBytes((tableName + "#" + row.number() + "#" + n).getBytes(StandardCharsets.UTF_8))
                                    .toString()));
        return blankNodes;
    }

    /** @return how many quads the row produced */
    private int emit(Row row, Binding result, Problems problems, Consumer<Quad> out) {
        Map<Node, Node> blankNodes = blankNodesFor(row);
        int emitted = 0;
        for (Quad pattern : mapping.template()) {
            Quad quad = TemplateLib.subst(pattern, result, blankNodes);
            if (Var.isVar(quad.getGraph())) {
                // Triples never belong nowhere: an unbound graph is a missing cell, not an optional one.
                problems.add("row.no-graph", tableName, row.line(), "no graph for the row's triples: ?"
                        + Var.alloc(quad.getGraph()).getVarName() + " is unbound (is a cell it needs empty?)");
                return emitted;
            }
            if (!quad.isConcrete())
                continue; // an empty cell: the triples that need it simply vanish
            if (quad.isDefaultGraph())
                quad = Quad.create(defaultGraph, quad.asTriple());
            Problem wrong = quadCheck.problem(quad, tableName, row);
            if (wrong != null) {
                problems.add(wrong);
                continue;
            }
            out.accept(quad);
            emitted++;
        }
        return emitted;
    }
}
