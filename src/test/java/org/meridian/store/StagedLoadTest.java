package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.lib.Bytes;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.dboe.base.record.Record;
import org.apache.jena.dboe.trans.bplustree.BPlusTree;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.store.tupletable.TupleIndexRecord;
import org.apache.jena.tdb2.store.tupletable.TupleTable;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A staged load ends with every index of TDB2 holding every row once, in its own order, the primary
 * indexes packed from the load's rows and the others from the primary ones, whether the sorted rows
 * fit in memory or were merged from disk; the dataset that
 * loaded answers as the reopened database does, and as one TDB2 built by inserting each quad.
 */
class StagedLoadTest {
    private static final Node TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node THING = uri("Thing");

    @TempDir
    Path temp;

    @Test
    void everyIndexIsPackedInItsOwnOrderAndAnswersAsAnInsertedDatabaseDoes() {
        assertPackedLikeInserted(IndexPacker.RUN);
    }

    @Test
    void indexesSortedOnDiskInManyRunsComeOutTheSame() {
        assertPackedLikeInserted(7);
    }

    @Test
    void anAbortedLoadLeavesTheDatabaseEmptyWithAllItsIndexes() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        StagedLoad load = loadingTheSample(dataset, 7);
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

    @Test
    void anIndexWithRowsIsNotPackedAgain() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp));
        Txn.executeWrite(dataset, () -> sample().forEach(dataset::add));
        TupleTable quads = TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable().getTupleTable();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> IndexPacker.pack(quads.getIndex(0), quads.getIndex(1), IndexPacker.RUN, temp));
        assertEquals("index " + quads.getIndex(1).getName() + " is not empty: only an empty index can be packed",
                refused.getMessage());
        TDBInternal.expel(dataset, true);
    }

    private void assertPackedLikeInserted(int run) {
        DatasetGraph inserted = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("inserted")));
        Txn.executeWrite(inserted, () -> sample().forEach(inserted::add));
        Set<Quad> expected = Txn.calculateRead(inserted, () -> typedIn(inserted, uri("g1")));
        Set<Quad> all = Txn.calculateRead(inserted, () -> everything(inserted));
        TDBInternal.expel(inserted, true);

        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("packed")));
        StagedLoad load = loadingTheSample(dataset, run);
        load.commit().forEach(index -> index.pack().run());
        load.secondaries().forEach(index -> index.pack().run());
        // A graph and a predicate given: TDB2 reads GPOS, one of the packed indexes.
        assertEquals(50, expected.size());
        assertEquals(expected, Txn.calculateRead(dataset, () -> typedIn(dataset, uri("g1"))));
        assertEquals(all, Txn.calculateRead(dataset, () -> everything(dataset)));
        TDBInternal.expel(dataset, true);

        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("packed")));
        Txn.executeRead(reopened, () -> {
            for (TupleTable table : List.of(
                    TDBInternal.getDatasetGraphTDB(reopened).getQuadTable().getNodeTupleTable().getTupleTable(),
                    TDBInternal.getDatasetGraphTDB(reopened).getTripleTable().getNodeTupleTable().getTupleTable())) {
                Set<List<NodeId>> primary = inPrimaryOrder(table.getIndex(0));
                for (TupleIndex index : table.getIndexes()) {
                    assertEquals(primary, inPrimaryOrder(index), index.getName() + " differs from the primary index");
                    assertAscending(index);
                }
            }
            assertEquals(400, TDBInternal.getDatasetGraphTDB(reopened).getQuadTable().getNodeTupleTable()
                    .getTupleTable().getIndex(0).size(), "each quad of a named graph once, however often it was added");
            assertEquals(2, TDBInternal.getDatasetGraphTDB(reopened).getTripleTable().getNodeTupleTable()
                    .getTupleTable().getIndex(0).size(), "each triple of the default graph once");
            assertEquals(expected, typedIn(reopened, uri("g1")));
            assertEquals(all, everything(reopened));
        });
        TDBInternal.expel(reopened, true);
    }

    /** A staged load into {@code dataset}, sorting {@code run} rows at a time, with the sample added and nothing committed yet. */
    private static StagedLoad loadingTheSample(DatasetGraph dataset, int run) {
        StagedLoad load = new StagedLoad(dataset, run);
        load.begin();
        sample().forEach(load::add);
        return load;
    }

    /**
     * 100 things typed in two graphs, half in each, with numbers and dates (which TDB2 stores in the
     * node id, so some ids have their top bit set), and two triples in the default graph; one quad and
     * one triple come twice.
     */
    private static List<Quad> sample() {
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Node graph = uri("g" + (i % 2));
            quads.add(Quad.create(graph, uri("thing" + i), TYPE, THING));
            quads.add(Quad.create(graph, uri("thing" + i), uri("next"), uri("thing" + (i + 1))));
            quads.add(Quad.create(graph, uri("thing" + i), uri("value"),
                    NodeFactory.createLiteralDT(Integer.toString(50 - i), XSDDatatype.XSDinteger)));
            quads.add(Quad.create(graph, uri("thing" + i), uri("on"),
                    NodeFactory.createLiteralDT("2024-05-" + (10 + i % 20), XSDDatatype.XSDdate)));
        }
        quads.add(Quad.create(Quad.defaultGraphIRI, uri("a"), uri("p"), uri("b")));
        quads.add(Quad.create(Quad.defaultGraphIRI, uri("b"), uri("p"), uri("c")));
        // Added again, in another sorted run when runs are short: a load adds a quad each time a row gives it.
        quads.add(quads.get(0));
        quads.add(quads.get(quads.size() - 2));
        return quads;
    }

    private static Set<Quad> typedIn(DatasetGraph dataset, Node graph) {
        Set<Quad> found = new HashSet<>();
        dataset.find(graph, Node.ANY, TYPE, THING).forEachRemaining(found::add);
        return found;
    }

    /** Every quad, each found through the index its own pattern picks. */
    private static Set<Quad> everything(DatasetGraph dataset) {
        Set<Quad> found = new HashSet<>();
        dataset.find().forEachRemaining(quad -> {
            found.add(quad);
            assertTrue(dataset.contains(quad.getGraph(), Node.ANY, quad.getPredicate(), quad.getObject()));
            assertTrue(dataset.contains(Node.ANY, Node.ANY, Node.ANY, quad.getObject()));
            assertTrue(dataset.contains(quad.getGraph(), Node.ANY, Node.ANY, quad.getObject()));
            assertTrue(dataset.contains(Node.ANY, Node.ANY, quad.getPredicate(), quad.getObject()));
        });
        return found;
    }

    /** An index's tuples, which TDB2 gives back in the order of the primary index (GSPO). */
    private static Set<List<NodeId>> inPrimaryOrder(TupleIndex index) {
        Set<List<NodeId>> tuples = new HashSet<>();
        index.all().forEachRemaining(tuple -> tuples.add(tuple.asList()));
        return tuples;
    }

    /** The index's records, read as its B+tree stores them, each greater than the one before. */
    private static void assertAscending(TupleIndex index) {
        Iterator<Record> records = ((BPlusTree) ((TupleIndexRecord) index).getRangeIndex()).iterator();
        byte[] previous = null;
        while (records.hasNext()) {
            byte[] key = records.next().getKey();
            assertTrue(previous == null || Bytes.compare(previous, key) < 0, index.getName() + " is out of order");
            previous = key;
        }
    }

    private static Node uri(String name) {
        return NodeFactory.createURI("http://example.org/" + name);
    }
}
