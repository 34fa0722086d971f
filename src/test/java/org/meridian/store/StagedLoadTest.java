package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged load ends with every index of TDB2 complete on disk, and between its two commits a
 * reader sees all the data, though the indexes that lead with a graph name are not yet built.
 */
class StagedLoadTest {
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node THING = uri("Thing");

    @TempDir
    Path temp;

    @Test
    void aReaderBetweenTheCommitsFindsByGraphWhatTheFinishedDatabaseFinds() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        StagedLoad load = loadingTheSample(dataset);
        load.commitFirst();

        // A graph and a predicate given: with all indexes TDB2 reads GPOS, not yet built here.
        Set<Quad> early = Txn.calculateRead(dataset, () -> typedIn(dataset, uri("g1")));
        load.buildLast();
        load.attachLast();
        Set<Quad> late = Txn.calculateRead(dataset, () -> typedIn(dataset, uri("g1")));
        assertEquals(50, early.size());
        assertEquals(late, early);
        TDBInternal.expel(dataset, true);

        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        Txn.executeRead(reopened, () -> {
            TupleTable quads = TDBInternal.getDatasetGraphTDB(reopened).getQuadTable().getNodeTupleTable().getTupleTable();
            Set<List<NodeId>> primary = inPrimaryOrder(quads.getIndex(0));
            assertEquals(sample().size() - 2, primary.size(), "two of the sample quads are in the default graph");
            for (TupleIndex index : quads.getIndexes())
                assertEquals(primary, inPrimaryOrder(index), index.getName() + " differs from the primary index");
            assertEquals(2, TDBInternal.getDatasetGraphTDB(reopened).getTripleTable().getNodeTupleTable().getTupleTable()
                    .getIndex(2).size(), "the default graph's last index");
            assertEquals(late, typedIn(reopened, uri("g1")));
        });
        TDBInternal.expel(reopened, true);
    }

    @Test
    void anAbortedLoadLeavesTheDatabaseEmptyWithAllItsIndexes() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        StagedLoad load = loadingTheSample(dataset);
        load.abort();
        Txn.executeRead(dataset, () -> {
            assertTrue(dataset.isEmpty());
            for (TupleIndex index : TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes())
                assertTrue(index != null && index.isEmpty());
        });
        TDBInternal.expel(dataset, true);
    }

    @Test
    void aDatabaseWithDataIsRefused() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        Txn.executeWrite(dataset, () -> dataset.add(sample().get(0)));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new StagedLoad(dataset).begin());
        assertEquals("a staged load needs an empty database", refused.getMessage());
        assertTrue(!dataset.isInTransaction());
        TDBInternal.expel(dataset, true);
    }

    /** A staged load into {@code dataset} with the sample added and nothing committed yet. */
    private static StagedLoad loadingTheSample(DatasetGraph dataset) {
        StagedLoad load = new StagedLoad(dataset);
        load.begin();
        sample().forEach(load::add);
        return load;
    }

    /** 100 things typed in two graphs, half in each, and two triples in the default graph. */
    private static List<Quad> sample() {
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Node graph = uri("g" + (i % 2));
            quads.add(Quad.create(graph, uri("thing" + i), TYPE, THING));
            quads.add(Quad.create(graph, uri("thing" + i), uri("next"), uri("thing" + (i + 1))));
        }
        quads.add(Quad.create(Quad.defaultGraphIRI, uri("a"), uri("p"), uri("b")));
        quads.add(Quad.create(Quad.defaultGraphIRI, uri("b"), uri("p"), uri("c")));
        return quads;
    }

    private static Set<Quad> typedIn(DatasetGraph dataset, Node graph) {
        Set<Quad> found = new HashSet<>();
        dataset.find(graph, Node.ANY, TYPE, THING).forEachRemaining(found::add);
        return found;
    }

    /** An index's tuples, which TDB2 gives back in the order of the primary index (GSPO). */
    private static Set<List<NodeId>> inPrimaryOrder(TupleIndex index) {
        Set<List<NodeId>> tuples = new HashSet<>();
        index.all().forEachRemaining(tuple -> tuples.add(tuple.asList()));
        return tuples;
    }

    private static Node uri(String name) {
        return NodeFactory.createURI("http://example.org/" + name);
    }
}
