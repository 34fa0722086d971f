package org.meridian.mapping;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVars;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpAssign;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpPropFunc;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.pfunction.PropFuncArg;
import org.meridian.check.Problems;
import org.meridian.check.QueryErrors;

/**
 * A table's mapping: a SPARQL CONSTRUCT whose WHERE clause turns one row's cells (bound to
 * variables named after the columns, empty cells unbound, {@code ?ROWNUM} the record number)
 * into the terms its template needs. Parsed once, applied to every row by {@link RowMapper}.
 */
public final class Mapping {
    /** The variable bound to a row's 1-based record number. */
    public static final String ROW_NUMBER = "ROWNUM";

    private final String displayName;
    private final Op where;
    private final List<Quad> template;
    private final Set<String> columns;
    private final List<Pair<Var, Expr>> assignments;

    private Mapping(String displayName, Op where, List<Quad> template, Set<String> columns,
                    List<Pair<Var, Expr>> assignments) {
        this.displayName = displayName;
        this.where = where;
        this.template = template;
        this.columns = columns;
        this.assignments = assignments;
    }

    /**
     * Parses a mapping file. Relative IRIs in it (including those {@code IRI()} makes at run time)
     * resolve against {@code base}.
     * @return the mapping, or null when it cannot be used (problems say why)
     */
    public static Mapping parse(Path file, String displayName, String base, Problems problems) {
        Query query;
        try {
            query = QueryFactory.create(Files.readString(file), base, Syntax.syntaxARQ);
        } catch (IOException e) {
            problems.add("mapping.unreadable", displayName, 0, "cannot read the mapping: " + e.getMessage());
            return null;
        } catch (QueryParseException e) {
            problems.add("mapping.syntax", displayName, QueryErrors.line(e), "the mapping is not valid SPARQL: " + QueryErrors.message(e));
            return null;
        }
        if (!query.isConstructType()) {
            problems.add("mapping.not-construct", displayName, 0, "a mapping must be a CONSTRUCT query");
            return null;
        }
        // Optimising also turns property functions such as apf:strSplit into the operators that run them.
        Op where = Algebra.optimize(Algebra.compile(query.getQueryPattern()));
        List<Quad> template = query.getConstructTemplate().getQuads();
        return new Mapping(displayName, where, template, inputColumns(where, template), assignments(where));
    }

    public String displayName() {
        return displayName;
    }

    Op where() {
        return where;
    }

    List<Quad> template() {
        return template;
    }

    /** The BIND assignments, used to spot a cell whose value made an expression fail. */
    List<Pair<Var, Expr>> assignments() {
        return assignments;
    }

    /** The columns the mapping reads: variables it uses but never binds itself. */
    public Set<String> columns() {
        return columns;
    }

    private static Set<String> inputColumns(Op where, List<Quad> template) {
        Set<Var> used = new LinkedHashSet<>(OpVars.mentionedVars(where));
        for (Quad quad : template)
            for (var node : List.of(quad.getGraph(), quad.getSubject(), quad.getPredicate(), quad.getObject()))
                if (Var.isVar(node) && !Var.isBlankNodeVar(node))
                    used.add(Var.alloc(node));
        used.removeAll(outputs(where));
        Set<String> names = new TreeSet<>();
        used.forEach(v -> names.add(v.getVarName()));
        names.remove(ROW_NUMBER);
        return Collections.unmodifiableSet(names);
    }

    /**
     * The variables the WHERE clause binds itself: BIND targets, property-function outputs such as
     * the subject of apf:strSplit, VALUES tables and pattern matches. Whatever else it reads is a column.
     */
    private static Set<Var> outputs(Op where) {
        Set<Var> outputs = new LinkedHashSet<>();
        OpWalker.walk(where, new OpVisitorBase() {
            @Override
            public void visit(OpExtend op) {
                outputs.addAll(op.getVarExprList().getVars());
            }

            @Override
            public void visit(OpAssign op) {
                outputs.addAll(op.getVarExprList().getVars());
            }

            @Override
            public void visit(OpPropFunc op) {
                PropFuncArg subject = op.getSubjectArgs();
                List<Node> nodes = subject.isNode() ? List.of(subject.getArg()) : subject.getArgList();
                nodes.stream().filter(Var::isVar).forEach(n -> outputs.add(Var.alloc(n)));
            }

            @Override
            public void visit(OpTable op) {
                outputs.addAll(op.getTable().getVars());
            }

            @Override
            public void visit(OpBGP op) {
                outputs.addAll(OpVars.visibleVars(op));
            }

            @Override
            public void visit(OpQuadPattern op) {
                outputs.addAll(OpVars.visibleVars(op));
            }
        });
        return outputs;
    }

    /** The variables the mapping binds with BIND; a column may not share a name with one. */
    public Set<String> assignedNames() {
        Set<String> names = new TreeSet<>();
        assignments.forEach(a -> names.add(a.getLeft().getVarName()));
        return names;
    }

    private static List<Pair<Var, Expr>> assignments(Op where) {
        List<Pair<Var, Expr>> found = new ArrayList<>();
        OpWalker.walk(where, new OpVisitorBase() {
            @Override
            public void visit(OpExtend op) {
                op.getVarExprList().forEachVarExpr((v, e) -> found.add(Pair.create(v, e)));
            }
        });
        return List.copyOf(found);
    }
}
