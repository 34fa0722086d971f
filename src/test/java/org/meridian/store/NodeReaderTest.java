package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableCache;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NodeReader reads each term from TDB2's node file in one block, copied from the file mapped into
 * memory or read through TDB2's file object, and decodes it in memory: every term must come out as
 * TDB2's node table gives it, long literals (longer than a block) included, and terms missing from
 * TDB2's cache must be read from the file, not from the cache.
 */
class NodeReaderTest {
    @TempDir
    Path folder;

    @Test
    void everyTermReadsAsTdb2ReadsItFromTheMappedNodeFile() {
        everyTermReadsAsTdb2ReadsIt(dataset -> {
            NodeReader reader = NodeReader.of(dataset);
            assertTrue(reader.isMapped(), "the node file is mapped");
            return reader;
        });
    }

    @Test
    void everyTermReadsAsTdb2ReadsItThroughTdb2sFileObject() {
        everyTermReadsAsTdb2ReadsIt(dataset -> {
            NodeReader reader = new NodeReader(dataset.getQuadTable().getNodeTupleTable().getNodeTable(), null);
            assertFalse(reader.isMapped());
            return reader;
        });
    }

    private void everyTermReadsAsTdb2ReadsIt(Function<DatasetGraphTDB, NodeReader> readerOf) {
        List<Node> terms = SampleTerms.withLongLiterals(2000); // more than TDB2 keeps in its cache after a commit
        Location location = Location.create(folder);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(location);
        Node graph = NodeFactory.createURI("http://example.org/g");
        Node property = NodeFactory.createURI("http://example.org/p");
        Txn.executeWrite(dataset, () -> terms.forEach(term -> dataset.add(graph, graph, property, term)));
        TDBInternal.expel(dataset, true);

        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(location); // its caches start empty
        Txn.executeRead(reopened, () -> {
            NodeTable nodes = TDBInternal.getDatasetGraphTDB(reopened).getQuadTable().getNodeTupleTable().getNodeTable();
            NodeTableCache cache = NodeReader.layer(nodes, NodeTableCache.class);
            NodeReader reader = readerOf.apply(TDBInternal.getDatasetGraphTDB(reopened));
            List<Pair<NodeId, Node>> all = new ArrayList<>();
            nodes.all().forEachRemaining(all::add);
            assertTrue(all.size() >= terms.size(), "the node table lists " + all.size() + " terms");
            int fromFile = 0;
            for (Pair<NodeId, Node> entry : all) {
                NodeId id = entry.getLeft();
                boolean cached = cache.isCachedNodeId(id);
                assertEquals(entry.getRight(), reader.getNodeForNodeId(id), "the term at " + id);
                if (id.isPtr() && !cached) {
                    // TDB2's node table would have cached what it read; the reader read the file itself.
                    assertFalse(cache.isCachedNodeId(id), "the reader asked TDB2's node table for " + id);
                    fromFile++;
                }
            }
            assertTrue(fromFile > 2000, "terms read from the file, not TDB2's cache: " + fromFile);
            for (Node term : terms) { // numbers held in the id come back in their canonical form, from TDB2
                NodeId id = nodes.getNodeIdForNode(term);
                assertEquals(nodes.getNodeForNodeId(id), reader.getNodeForNodeId(id), "the term " + term);
            }
        });
        TDBInternal.expel(reopened, true);
    }
}
