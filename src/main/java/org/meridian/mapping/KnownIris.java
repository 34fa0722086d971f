package org.meridian.mapping;

import java.util.HashMap;
import java.util.Map;

import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.E_IRI;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionEnv;

/**
 * Remembers the IRIs a mapping's {@code IRI()} calls made from text, so that a text met again is not
 * parsed and resolved again. Most cells name what other rows name too (a state, a commodity, a
 * source), and at 10M triples parsing IRIs took a fifth of the mapping thread's time. The memory
 * belongs to one {@link RowMapper}, which maps on one thread; it is bounded, and a text that makes
 * {@code IRI()} fail is not remembered, so each row that has it fails alike.
 */
final class KnownIris {
    private static final int LIMIT = 50_000;

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

    /** {@code IRI(x)}, answered from memory when x is a text met before. */
    private static final class Remembering extends E_IRI {
        private final Map<String, NodeValue> known;

        Remembering(String parserBase, Expr argument, Map<String, NodeValue> known) {
            super(parserBase, argument);
            this.known = known;
        }

        @Override
        protected NodeValue evalSpecial(Binding binding, FunctionEnv env) {
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
