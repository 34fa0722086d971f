package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.params.StoreParams;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableCache;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A load in one write transaction leaves TDB2's node cache holding at most a thousand of the nodes
 * it added; the load's own memory of node ids puts the nodes it remembers there after the commit,
 * and remembers no more than its capacity, the first nodes added.
 */
class FirstNodeIdsTest {
    /** TDB2's buffer is a Caffeine cache, whose size bound is approximate. */
    private static final int SLACK = 50;
    private static final StoreParams CACHES = StoreParams.builder().nodeId2NodeCacheSize(100_000).node2NodeIdCacheSize(100_000).build();

    @TempDir
    Path temp;

    @Test
    void tdbCachesNoMoreThanAThousandNodesOfAWriteTransaction() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp), CACHES);
        Txn.executeWrite(dataset, () -> things(3000).forEach(dataset::add));
        assertTrue(cachedThings(dataset, 3000) <= 1000 + SLACK, "TDB2 buffers a write transaction's nodes in a thousand entries");
        TDBInternal.expel(dataset, true);
    }

    @Test
    void afterAStagedLoadEveryNodeItRemembersIsInTdbsCacheFilledBesideThePacking() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp), CACHES);
        StagedLoad load = new StagedLoad(dataset);
        load.begin();
        things(3000).forEach(load::add);
        List<StagedLoad.Packing> primaries = load.commit();
        CompletableFuture<Void> filling = CompletableFuture.runAsync(load::fillNodeCaches);
        primaries.forEach(index -> index.pack().run());
        filling.join();
        load.secondaries().forEach(index -> index.pack().run());
        assertEquals(3000, cachedThings(dataset, 3000));
        Txn.executeRead(dataset, () -> assertEquals(3000, dataset.getGraph(uri("g")).size()));
        TDBInternal.expel(dataset, true);
    }

    @Test
    void itRemembersTheFirstNodesUpToItsCapacityAndNoInlineNodes() {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp), CACHES);
        NodeTable nodes = TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable().getNodeTable();
        FirstNodeIds first = new FirstNodeIds(nodes, 10);
        dataset.begin(TxnType.WRITE);
        assertTrue(first.idOf(NodeFactory.createLiteralDT("42", XSDDatatype.XSDinteger)).isInline());
        NodeId id = first.idOf(thing(0));
        for (int i = 0; i < 3000; i++)
            first.idOf(thing(i));
        assertEquals(id, first.idOf(thing(0)), "a node keeps its id");
        dataset.commit();
        dataset.end();
        Txn.executeRead(dataset, first::fillCaches);
        assertEquals(10, cachedThings(dataset, 10), "the first ten are cached");
        assertTrue(cachedThings(dataset, 3000) <= 1000 + 10 + SLACK, "at most TDB2's thousand and the memory's ten");
        TDBInternal.expel(dataset, true);
    }

    /** How many of the first {@code count} things TDB2's node cache holds, counted without filling it. */
    private static int cachedThings(DatasetGraph dataset, int count) {
        return Txn.calculateRead(dataset, () -> {
            NodeTableCache cache = cache(dataset);
            int cached = 0;
            for (int i = 0; i < count; i++)
                if (cache.isCachedNodeId(cache.wrapped().getNodeIdForNode(thing(i))))
                    cached++;
            return cached;
        });
    }

    private static List<Quad> things(int count) {
        List<Quad> quads = new ArrayList<>();
        for (int i = 0; i < count; i++)
            quads.add(Quad.create(uri("g"), thing(i), uri("p"), uri("o")));
        return quads;
    }

    private static NodeTableCache cache(DatasetGraph dataset) {
        return NodeReader.layer(TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable().getNodeTable(),
                NodeTableCache.class);
    }

    private static Node thing(int i) {
        return uri("thing" + i);
    }

    private static Node uri(String name) {
        return NodeFactory.createURI("http://example.org/" + name);
    }
}
