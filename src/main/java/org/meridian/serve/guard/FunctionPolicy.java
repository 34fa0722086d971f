package org.meridian.serve.guard;

import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpTriple;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.function.scripting.ScriptFunction;

/**
 * Finds the function calls a public endpoint refuses: scripting functions ({@code jsFunction#...},
 * which run JavaScript if the JVM allows scripting at all) and {@code java:} IRIs, which make
 * Jena load a class by name. The refusal does not depend on how the JVM is configured.
 */
public final class FunctionPolicy {
    private FunctionPolicy() {}

    /** The first refused function or property function in {@code query}, explained. */
    public static Optional<String> refusal(Query query) {
        Op op = Algebra.compile(query);
        String[] found = new String[1];
        Walker.walk(op, new OpVisitorBase() {
            @Override
            public void visit(OpBGP bgp) {
                bgp.getPattern().forEach(this::check);
            }

            @Override
            public void visit(OpTriple triple) {
                check(triple.getTriple());
            }

            private void check(Triple triple) {
                Node p = triple.getPredicate();
                if (found[0] == null && p.isURI() && isJavaIri(p.getURI()))
                    found[0] = "property functions named by java: IRIs are not available here: <" + p.getURI() + ">";
            }
        }, new ExprVisitorBase() {
            @Override
            public void visit(ExprFunctionN func) {
                if (found[0] != null || !(func instanceof E_Function call))
                    return;
                String iri = call.getFunctionIRI();
                if (ScriptFunction.isScriptFunction(iri))
                    found[0] = "scripting functions are not available here: <" + iri + ">";
                else if (isJavaIri(iri))
                    found[0] = "functions named by java: IRIs are not available here: <" + iri + ">";
            }
        });
        return Optional.ofNullable(found[0]);
    }

    private static boolean isJavaIri(String iri) {
        return iri.regionMatches(true, 0, "java:", 0, 5);
    }
}
