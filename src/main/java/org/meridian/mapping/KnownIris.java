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
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * Remembers the IRIs a mapping's {@code IRI()} calls made from text, so that a text met again is not
 * parsed and resolved again. Most cells name what other rows name too (a state, a commodity, a
 * source), and at 10M triples parsing IRIs took a fifth of the mapping thread's time. What is
 * remembered lives in the context of one {@link RowMapper}, which maps on one thread; it is bounded,
 * and a text that makes {@code IRI()} fail is not remembered, so each row that has it fails alike.
 */
final class KnownIris {
    private static final Symbol KNOWN = Symbol.create("https://meridian.example.org/function#knownIris");
    private static final int LIMIT = 50_000;

    private KnownIris() {}

    /** The mapping's WHERE clause with each {@code IRI(x)} made to remember its results. */
    static Op remembering(Op where) {
        return Transformer.transform(new TransformCopy(), new ExprTransformCopy() {
            @Override
            public Expr transform(ExprFunction1 function, Expr argument) {
                if (function instanceof E_IRI iri && !(function instanceof Remembering))
                    return new Remembering(iri.getParserBase(), argument);
                return super.transform(function, argument);
            }
        }, where);
    }

    /** Gives {@code context}, that of one row mapper, the memory its {@code IRI()} calls share. */
    static void addTo(Context context) {
        context.set(KNOWN, new HashMap<String, NodeValue>());
    }

    /** {@code IRI(x)}, answered from memory when x is a text the mapper met before. */
    private static final class Remembering extends E_IRI {
        Remembering(String parserBase, Expr argument) {
            super(parserBase, argument);
        }

        @Override
        protected NodeValue evalSpecial(Binding binding, FunctionEnv env) {
            NodeValue text = relExpr.eval(binding, env);
            Map<String, NodeValue> known = env.getContext().get(KNOWN);
            // Only plain text: the mapping has one base, so the same text always makes the same IRI.
            if (known == null || !text.isString())
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
            return new Remembering(parserBase, argument);
        }
    }
}
