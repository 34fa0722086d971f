package org.meridian.mapping;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_IRI;
import org.apache.jena.sparql.expr.E_StrConcat;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVar;
import org.apache.jena.sparql.expr.ExprVars;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.expr.VariableNotBoundException;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * Remembers the IRIs a mapping's {@code IRI()} calls made from text, so that a text met again is not
 * parsed and resolved again. Most cells name what other rows name too (a state, a commodity, a
 * source), and at 10M triples parsing IRIs took a fifth of the mapping thread's time. The memory
 * belongs to one {@link RowMapper}, which maps on one thread; it is bounded, and a text that makes
 * {@code IRI()} fail is not remembered, so each row that has it fails alike.
 * <p>
 * An {@code IRI()} whose argument needs one column's value, through constants, {@code CONCAT},
 * {@code fn:slug} and {@code fn:ref} only, as {@code IRI(CONCAT("id/organisation/", fn:slug(?partner)))}
 * does, is decided by that cell: it fails at once when the cell is empty, as evaluating the argument
 * would end, and it remembers its IRI by the cell, so a cell met before costs one lookup. An
 * optional column is empty in most rows (six of a trade flow's seventeen BINDs), and the rest name
 * what other rows name; this took a trade flow's mapping from 17 to 13 µs a row.
 */
final class KnownIris {
    private static final int LIMIT = 50_000;
    /** Each {@code IRI()} that remembers by its cell keeps at most this many cells. */
    private static final int LIMIT_PER_CALL = 10_000;

    private KnownIris() {}

    /**
     * A copy of a mapping's WHERE clause whose {@code IRI(x)} calls share one memory of what they made:
     * the mapping has one base, so the same text always makes the same IRI.
     */
    static Op remembering(Op where) {
        Map<String, NodeValue> known = new HashMap<>();
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunction1 function, Expr argument) {
                if (function instanceof E_IRI iri)
                    return new Remembering(iri.getParserBase(), argument, known);
                return super.transform(function, argument);
            }
        }, where);
    }

    /**
     * The one variable {@code argument} needs, when it reads it through constants, {@code CONCAT},
     * {@code fn:slug} and {@code fn:ref} only, each of which fails without it; otherwise null.
     */
    static Var soleColumn(Expr argument) {
        Set<Var> read = ExprVars.getVarsMentioned(argument);
        return read.size() == 1 && failsWhenUnbound(argument) ? read.iterator().next() : null;
    }

    private static boolean failsWhenUnbound(Expr expr) {
        if (expr instanceof ExprVar || expr instanceof NodeValue)
            return true;
        boolean strict = expr instanceof E_StrConcat || expr instanceof E_Function call
                && (call.getFunctionIRI().equals(MappingFunctions.NAMESPACE + "slug")
                        || call.getFunctionIRI().equals(MappingFunctions.NAMESPACE + "ref"));
        return strict && expr.getFunction().getArgs().stream().allMatch(KnownIris::failsWhenUnbound);
    }

    /**
     * {@code IRI(x)}, answered from memory when the cell x is made of was met before, or else, when x
     * reads no single column, when the text x gives was met before.
     */
    private static final class Remembering extends E_IRI {
        private final Map<String, NodeValue> known;
        /** The column x needs, or null (see {@link #soleColumn}), and what this call made of its cells. */
        private final Var column;
        private final Map<Node, NodeValue> byCell = new HashMap<>();
        private final VariableNotBoundException unbound;

        Remembering(String parserBase, Expr argument, Map<String, NodeValue> known) {
            super(parserBase, argument);
            this.known = known;
            this.column = soleColumn(argument);
            this.unbound = column == null ? null : new VariableNotBoundException("Unbound variable: " + column);
        }

        @Override
        protected NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            if (column == null)
                return fromText(binding, env);
            Node cell = binding.get(column);
            if (cell == null)
                throw unbound; // what evaluating x would end in; it carries no stack trace
            NodeValue iri = byCell.get(cell);
            if (iri == null) {
                iri = super.eval(relExpr.eval(binding, env), env); // throws when it fails: nothing is remembered
                if (byCell.size() >= LIMIT_PER_CALL)
                    byCell.clear();
                byCell.put(cell, iri);
            }
            return iri;
        }

        private NodeValue fromText(Binding binding, FunctionEnv env) {
            NodeValue text = relExpr.eval(binding, env);
            if (!text.isString()) // only plain text is remembered
                return super.eval(text, env);
            NodeValue iri = known.get(text.getString());
            if (iri == null) {
                iri = super.eval(text, env);
                if (known.size() >= LIMIT)
                    known.clear();
                known.put(text.getString(), iri);
            }
            return iri;
        }

        @Override
        public Expr copy(Expr argument) {
            return new Remembering(parserBase, argument, known);
        }
    }
}
