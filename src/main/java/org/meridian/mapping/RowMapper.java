package org.meridian.mapping;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.shared.PrefixMapping;
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
import org.meridian.check.Problems;
import org.meridian.source.Row;

/**
 * Applies a {@link Mapping} to rows. Unlike tarql it never drops a row's triples silently: a cell
 * that makes an expression fail, an ill-typed literal or an invalid IRI is a problem at the row's line.
 */
public final class RowMapper {
    private static final String XSD_NAMESPACE = "http://www.w3.org/2001/XMLSchema#";

    private final Mapping mapping;
    private final String tableName;
    private final Node defaultGraph;
    private final ExecutionContext context;
    /** IRIs already found valid. Most recur row after row (predicates, classes, graphs, states), and parsing them is costly. */
    private final Set<String> validIris = new HashSet<>();

    /**
     * @param tableName    how problems name the table file
     * @param defaultGraph where template triples outside any GRAPH block go
     * @param dataFolder   the folder {@code fn:text} reads files from (see {@link MappingFunctions})
     */
    public RowMapper(Mapping mapping, String tableName, Node defaultGraph, Path dataFolder) {
        this.mapping = mapping;
        this.tableName = tableName;
        this.defaultGraph = defaultGraph;
        this.context = ExecutionContext.create(DatasetGraphFactory.empty(), MappingFunctions.context(dataFolder));
    }

    /** Maps one row; quads go to {@code out}, problems to {@code problems}. */
    public void map(Row row, Problems problems, Consumer<Quad> out) {
        Binding input = bind(row);
        QueryIterator results;
        try {
            results = QC.execute(mapping.where(), input, context);
        } catch (RuntimeException e) {
            problems.add(tableName, row.line(), "the mapping " + mapping.displayName() + " failed: " + e.getMessage());
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
            problems.add(tableName, row.line(), "the row produced no triples (is a cell the mapping needs empty?)");
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
            problems.add(tableName, row.line(), "cannot compute ?" + var.getVarName() + " from "
                    + inputsOf(expr, result) + ": " + evaluationError(expr, result));
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
            return String.valueOf(e.getMessage()).replace(XSD_NAMESPACE, "xsd:");
        }
    }

    /** @return how many quads the row produced */
    private int emit(Row row, Binding result, Problems problems, Consumer<Quad> out) {
        Map<Node, Node> blankNodes = new HashMap<>();
        int emitted = 0;
        for (Quad pattern : mapping.template()) {
            Quad quad = TemplateLib.subst(pattern, result, blankNodes);
            if (Var.isVar(quad.getGraph())) {
                // Triples never belong nowhere: an unbound graph is a missing cell, not an optional one.
                problems.add(tableName, row.line(), "no graph for the row's triples: ?" + Var.alloc(quad.getGraph()).getVarName()
                        + " is unbound (is a cell it needs empty?)");
                return emitted;
            }
            if (!quad.isConcrete())
                continue; // an empty cell: the triples that need it simply vanish
            if (quad.isDefaultGraph())
                quad = Quad.create(defaultGraph, quad.asTriple());
            String wrong = whatIsWrong(quad);
            if (wrong != null) {
                problems.add(tableName, row.line(), wrong);
                continue;
            }
            out.accept(quad);
            emitted++;
        }
        return emitted;
    }

    private String whatIsWrong(Quad quad) {
        if (!quad.getGraph().isURI())
            return "the mapping put a triple in a graph named by " + FmtUtils.stringForNode(quad.getGraph());
        if (quad.getSubject().isLiteral())
            return "the mapping made a literal the subject of a triple: " + FmtUtils.stringForNode(quad.getSubject());
        if (!quad.getPredicate().isURI())
            return "the mapping made a non-IRI a predicate: " + FmtUtils.stringForNode(quad.getPredicate());
        for (Node node : new Node[] {quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()}) {
            String problem = node.isURI() ? invalidIri(node.getURI()) : node.isLiteral() ? illTyped(node) : null;
            if (problem != null)
                return problem;
        }
        return null;
    }

    private String invalidIri(String iri) {
        if (validIris.contains(iri))
            return null;
        try {
            IRIx parsed = IRIx.create(iri);
            if (!parsed.isReference())
                return "not an absolute IRI: <" + iri + ">";
            if (validIris.size() >= 100_000)
                validIris.clear(); // a bound, so a table of distinct IRIs cannot fill the heap
            validIris.add(iri);
            return null;
        } catch (IRIException e) {
            return "not a valid IRI: <" + iri + ">: " + e.getMessage();
        }
    }

    private static String illTyped(Node literal) {
        RDFDatatype type = literal.getLiteralDatatype();
        String lexical = literal.getLiteralLexicalForm();
        if (type instanceof XSDDatatype xsd && !xsd.isValid(lexical))
            return "'" + lexical + "' is not a valid " + PrefixMapping.Standard.shortForm(type.getURI());
        return null;
    }
}
