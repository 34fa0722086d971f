package org.meridian.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.GraphBuilder;
import org.meridian.graph.Project;
import org.meridian.store.SubjectQuads;
import org.meridian.testing.TestProjects;

/**
 * In TDB2 the walk is one pass over the subject-first index; elsewhere a lookup per instance. On the
 * same database both must visit the same instances, each once, with the same quads.
 */
class InstanceWalkTest {
    private static final String MER = "https://meridian.example.org/ontology#";

    @TempDir
    Path temp;

    @Test
    void onePassOverTdb2VisitsWhatTheLookupsVisit() {
        Project project = new Project(TestProjects.copyOwnProject(temp.resolve("p")), Project.DEFAULT_BASE);
        DatasetGraph tdb = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        Node person = NodeFactory.createURI(project.base() + "id/person/vladimir-putin");
        Node other = NodeFactory.createURI("urn:x-test:other-graph");
        Txn.executeWrite(tdb, () -> {
            new GraphBuilder(project).build(tdb::add);
            // typed again, in another graph, by a superclass: still one visit, with its quads in both graphs
            tdb.add(other, person, RDF.Nodes.type, NodeFactory.createURI(MER + "Actor"));
            tdb.add(other, person, NodeFactory.createURI(MER + "note"), NodeFactory.createLiteralString("x".repeat(3000)));
            // an instance only in the default graph: not visited, as SHACL here sees the named graphs
            tdb.getDefaultGraph().add(NodeFactory.createURI("urn:x-test:ghost"), RDF.Nodes.type, NodeFactory.createURI(MER + "Person"));
        });
        List<Node> classes = List.of(NodeFactory.createURI(MER + "Actor"), NodeFactory.createURI(MER + "TradeFlow"),
                NodeFactory.createURI(MER + "Statement"), NodeFactory.createURI(MER + "Nothing"));
        Txn.executeRead(tdb, () -> {
            assertTrue(SubjectQuads.of(tdb).isPresent(), "TDB2 should be walked in one pass");
            InstanceWalk walk = new InstanceWalk(tdb.getUnionGraph(), classes);
            Map<Node, Set<Quad>> pass = new HashMap<>();
            walk.walk(tdb, collect(pass));
            Map<Node, Set<Quad>> lookups = new HashMap<>();
            walk.walkByLookups(tdb, collect(lookups));
            assertTrue(lookups.size() > 20, "too few instances to compare: " + lookups.keySet());
            assertTrue(lookups.get(person).stream().anyMatch(q -> q.getGraph().equals(other)));
            assertEquals(lookups.keySet(), pass.keySet());
            for (Node node : lookups.keySet())
                assertEquals(lookups.get(node), pass.get(node), "the quads of " + node);
        });
        TDBInternal.expel(tdb, true);
    }

    private static BiConsumer<Node, List<Quad>> collect(Map<Node, Set<Quad>> visits) {
        return (node, quads) -> {
            Set<Quad> distinct = new HashSet<>(quads);
            assertEquals(quads.size(), distinct.size(), "a quad given twice for " + node);
            assertEquals(null, visits.put(node, distinct), "visited twice: " + node);
        };
    }
}
