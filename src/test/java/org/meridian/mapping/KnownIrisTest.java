package org.meridian.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.util.ExprUtils;
import org.junit.jupiter.api.Test;

/** Which {@code IRI()} arguments may fail at once on an empty cell: only those that would fail anyway. */
class KnownIrisTest {
    private static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
            .setNsPrefix("fn", MappingFunctions.NAMESPACE);

    private static Expr parse(String text) {
        return ExprUtils.parse(text, PREFIXES);
    }

    @Test
    void anArgumentThatNeedsOneColumnThroughStrictFunctionsNamesIt() {
        assertEquals(Var.alloc("partner"), KnownIris.soleColumn(parse("CONCAT(\"id/organisation/\", fn:slug(?partner))")));
        assertEquals(Var.alloc("according_to"), KnownIris.soleColumn(parse("CONCAT(\"id/\", fn:ref(?according_to))")));
        assertEquals(Var.alloc("unit"), KnownIris.soleColumn(parse("?unit")));
    }

    @Test
    void anArgumentThatCouldSucceedWithoutItsColumnOrReadsTwoNamesNone() {
        assertNull(KnownIris.soleColumn(parse("COALESCE(?partner, \"none\")")));
        assertNull(KnownIris.soleColumn(parse("IF(BOUND(?partner), ?partner, \"none\")")));
        assertNull(KnownIris.soleColumn(parse("CONCAT(?kind, fn:slug(?id))")));
        assertNull(KnownIris.soleColumn(parse("CONCAT(\"id/\", fn:text(?file))")));
        assertNull(KnownIris.soleColumn(parse("\"id/fixed\"")));
    }
}
