package org.meridian.export.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;

/** The sort behind dumps and diff, past the point where it spills to temporary files. */
class SortedQuadsTest {
    @Test
    void manyQuadsComeBackSortedWithEachGraphTogether() {
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 250_000; i++)
            quads.add(Quad.create(NodeFactory.createURI("http://example.org/g" + (i % 3)),
                    NodeFactory.createURI("http://example.org/s" + i), NodeFactory.createURI("http://example.org/p"),
                    NodeFactory.createLiteralString("value " + i)));
        Collections.shuffle(quads, new Random(7));
        List<SortedQuads.Entry> entries = new ArrayList<>();
        try (SortedQuads sorted = new SortedQuads()) {
            quads.forEach(sorted::add);
            sorted.entries().forEachRemaining(entries::add);
        }
        assertEquals(quads.size(), entries.size());
        Set<String> finished = new HashSet<>();
        for (int i = 1; i < entries.size(); i++) {
            SortedQuads.Entry before = entries.get(i - 1);
            SortedQuads.Entry entry = entries.get(i);
            assertTrue((before.graph() + " " + before.line()).compareTo(entry.graph() + " " + entry.line()) < 0, entry.line());
            if (!before.graph().equals(entry.graph()))
                assertTrue(finished.add(before.graph()), "graph " + before.graph() + " comes back in one run");
        }
        assertEquals("<http://example.org/s0> <http://example.org/p> \"value 0\" .", entries.get(0).triple());
        assertEquals("<http://example.org/g0>", entries.get(0).graph());
    }
}
