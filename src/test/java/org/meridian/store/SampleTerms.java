package org.meridian.store;

import java.util.ArrayList;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/** Terms of every kind TDB2's node table stores, for the tests of what reads and writes it. */
final class SampleTerms {
    private SampleTerms() {}

    /**
     * IRIs, a blank node, literals plain, with a language, typed (numbers and dates TDB2 holds in the
     * id, a malformed number, a custom type), literals longer than a block, and {@code more} literals
     * of up to 700 characters.
     */
    static List<Node> withLongLiterals(int more) {
        List<Node> terms = new ArrayList<>(List.of(
                NodeFactory.createURI("http://example.org/a"),
                NodeFactory.createURI("http://example.org/ünïcode/路"),
                NodeFactory.createBlankNode(),
                NodeFactory.createLiteralString("plain"),
                NodeFactory.createLiteralString(""),
                NodeFactory.createLiteralLang("Moskau", "de"),
                NodeFactory.createLiteralDT("108000000000", XSDDatatype.XSDdecimal),
                NodeFactory.createLiteralDT("2024-05-16", XSDDatatype.XSDdate),
                NodeFactory.createLiteralDT("not a number", XSDDatatype.XSDinteger),
                NodeFactory.createLiteralDT("x", NodeFactory.getType("http://example.org/custom")),
                NodeFactory.createLiteralString("long ".repeat(100)), // 500 characters, about one block
                NodeFactory.createLiteralString("longer ".repeat(1000)), // many blocks
                NodeFactory.createLiteralString("quoted \"text\"\nover two lines ↯ ".repeat(300))));
        for (int i = 0; i < more; i++)
            terms.add(NodeFactory.createLiteralString("evidence " + i + " " + "x".repeat(i % 700)));
        return terms;
    }
}
