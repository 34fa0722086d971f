package org.meridian.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.meridian.check.Problems;
import org.meridian.graph.Project;

/** The project's page queries, and the graph-to-source map every page uses, kept once per build. */
class PageQueriesTest {
    private static final Node SOURCE_CLASS = NodeFactory.createURI("https://meridian.example.org/ontology#Source");

    @Test
    void theSourcesOfTheGraphsAreKeptPerBuildAndARebuildRefreshesThem() {
        Problems problems = new Problems();
        PageQueries pages = PageQueries.load(new Project(Path.of(""), Project.DEFAULT_BASE), problems);
        assertTrue(problems.isEmpty(), () -> problems.sorted().toString());
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Node alpha = addSource(dataset, "alpha");

        assertEquals(Map.of(graph("alpha"), alpha), pages.sourcesByGraph(dataset, "build-1"));
        Node beta = addSource(dataset, "beta");
        // A build never changes, so within one build id the first answer stands ...
        assertEquals(Map.of(graph("alpha"), alpha), pages.sourcesByGraph(dataset, "build-1"));
        // ... and a new build id is a rebuild: the map is computed afresh.
        assertEquals(Map.of(graph("alpha"), alpha, graph("beta"), beta), pages.sourcesByGraph(dataset, "build-2"));
    }

    private static Node addSource(DatasetGraph dataset, String name) {
        Node source = NodeFactory.createURI("https://meridian.example.org/id/source/" + name);
        dataset.add(graph(name), source, RDF.Nodes.type, SOURCE_CLASS);
        return source;
    }

    private static Node graph(String name) {
        return NodeFactory.createURI("https://meridian.example.org/graph/" + name);
    }
}
