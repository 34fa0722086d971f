package org.meridian.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;

/**
 * The rewritten REGEX, REPLACE, fn:matches and fn:replace give exactly Jena's answers: each
 * expression is evaluated by stock ARQ and by ARQ with {@link InterruptibleRegex} installed.
 */
class InterruptibleRegexTest {
    private static final List<String> EXPRESSIONS = List.of(
            "REGEX(\"Hello World\", \"world\")", "REGEX(\"Hello World\", \"world\", \"i\")",
            "REGEX(\"a.b\", \".\", \"q\")", "REGEX(\"axb\", \"a.b\", \"q\")", "REGEX(\"line1\\nline2\", \"^line2$\", \"m\")",
            "REGEX(\"abc\"@en, \"b\")", "REGEX(\"x\", STR(\"(\"))", "REGEX(\"x\", \"(\")", "REGEX(<http://example.org/>, \"example\")",
            "REGEX(\"x\", \"x\", \"z\")", "REGEX(\"café\", \"^caf.$\")",
            "REPLACE(\"banana\", \"an\", \"AN\")", "REPLACE(\"abc\", \"x*\", \"-\")", "REPLACE(\"abc\", \"b*\", \"-\")",
            "REPLACE(\"banana\"@en, \"a\", \"o\")", "REPLACE(\"aaa\", \"a\", \"$0$0\")", "REPLACE(\"abc\", \"(b)\", \"[$1]\")",
            "REPLACE(\"abc\", \"b\", \"$2\")", "REPLACE(\"ABC\", \"b\", \"x\", \"i\")", "REPLACE(\"unchanged\", \"z\", \"y\")",
            "<http://www.w3.org/2005/xpath-functions#matches>(\"Hello\", \"^h\", \"i\")",
            "<http://www.w3.org/2005/xpath-functions#replace>(\"Hello\", \"l+\", \"L\")");

    private static String evaluate(DatasetGraph dataset, String expression) {
        String query = "SELECT ?r { BIND(" + expression + " AS ?r) } ";
        try (QueryExec exec = QueryExec.newBuilder().dataset(dataset).query(query).build()) {
            StringBuilder out = new StringBuilder();
            exec.select().forEachRemaining(row -> out.append(row.get("r")).append('\n'));
            return out.toString();
        } catch (RuntimeException e) {
            // A constant pattern that does not compile fails the query while it is parsed.
            return "failed: " + e.getClass().getSimpleName();
        }
    }

    @Test
    void answersAreJenasOwn() {
        DatasetGraph stock = DatasetGraphFactory.createTxnMem();
        DatasetGraph guarded = DatasetGraphFactory.createTxnMem();
        InterruptibleRegex.install(guarded.getContext());
        for (String expression : EXPRESSIONS)
            assertEquals(evaluate(stock, expression), evaluate(guarded, expression), expression);
    }

    @Test
    void thePlanReallyUsesTheInterruptibleVersions() {
        DatasetGraph guarded = DatasetGraphFactory.createTxnMem();
        InterruptibleRegex.install(guarded.getContext());
        var op = InterruptibleRegex.rewrite(org.apache.jena.sparql.algebra.Algebra.compile(
                org.apache.jena.query.QueryFactory.create("SELECT * { ?s ?p ?o FILTER(REGEX(?o, \"a\") && REPLACE(?o, \"a\", \"b\") = \"b\") }")));
        String plan = op.toString();
        assertTrue(plan.contains(InterruptibleRegex.REGEX) && plan.contains(InterruptibleRegex.REPLACE), plan);
    }
}
