package org.meridian.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/**
 * Definitions find the (graph, node) pairs that two rows define, whether the digests fit in memory
 * or went to disk in sorted runs; one row typing its node twice is not a repeat.
 */
class DefinitionsTest {
    private static final Node GRAPH = NodeFactory.createURI("http://example.org/graph/source-a");
    private static final Node OTHER_GRAPH = NodeFactory.createURI("http://example.org/graph/source-b");

    @Test
    void repeatsAreFoundInMemory() {
        try (Definitions definitions = new Definitions(1_000)) {
            defineSample(definitions);
            assertEquals(0, definitions.spilled());
            assertEquals(expectedRepeats(), definitions.repeated());
        }
    }

    @Test
    void repeatsAreFoundAcrossRunsSpilledToDisk() {
        try (Definitions definitions = new Definitions(4)) {
            defineSample(definitions);
            assertTrue(definitions.spilled() >= 5, "spilled " + definitions.spilled());
            assertEquals(expectedRepeats(), definitions.repeated());
        }
    }

    /** Rows 1-20 define nodes 1-20; node 3 again in row 21, node 17 again in rows 22 and 23. */
    private static void defineSample(Definitions definitions) {
        for (int row = 1; row <= 20; row++) {
            definitions.define(row, GRAPH, node(row));
            definitions.define(row, GRAPH, node(row)); // a second type in the same row
        }
        definitions.define(21, GRAPH, node(3));
        definitions.define(22, GRAPH, node(17));
        definitions.define(23, GRAPH, node(17));
        definitions.define(24, OTHER_GRAPH, node(5)); // another source may define the same node
    }

    private static Set<Long> expectedRepeats() {
        return Set.of(Definitions.digest(GRAPH, node(3)), Definitions.digest(GRAPH, node(17)));
    }

    private static Node node(int i) {
        return NodeFactory.createURI("http://example.org/id/item/" + i);
    }
}
