package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetable.NodeTableTRDF;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NodeWriter gives nodes their ids as TDB2's node table does, writing each new term in one piece:
 * the same ids, the same node file byte for byte, and a node index in which TDB2 finds every term,
 * within the write transaction and after it.
 */
class NodeWriterTest {
    @TempDir
    Path folder;

    @Test
    void itWritesTheSameNodeFileAndIdsAsTdb2() {
        List<Node> terms = SampleTerms.withLongLiterals(3000);
        List<NodeId> tdb2 = allocate(folder.resolve("tdb2"), terms, nodes -> nodes::getAllocateNodeId);
        List<NodeId> writer = allocate(folder.resolve("writer"), terms, nodes -> new NodeWriter(nodes)::allocate);
        assertEquals(tdb2, writer);
        assertArrayEquals(bytes(nodeFile(folder.resolve("tdb2"))), bytes(nodeFile(folder.resolve("writer"))));

        DatasetGraph reopened = DatabaseMgr.connectDatasetGraph(Location.create(folder.resolve("writer")));
        Txn.executeRead(reopened, () -> {
            NodeTable nodes = nodeTable(reopened);
            for (int i = 0; i < terms.size(); i++) {
                assertEquals(writer.get(i), nodes.getNodeIdForNode(terms.get(i)), "the id TDB2 finds for " + terms.get(i));
                assertEquals(nodes.getNodeForNodeId(tdb2.get(i)), nodes.getNodeForNodeId(writer.get(i)));
            }
        });
        TDBInternal.expel(reopened, true);
    }

    @Test
    void aNodeMetAgainKeepsItsIdAndTdb2AddsItNoSecondTime() {
        List<Node> terms = SampleTerms.withLongLiterals(100);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(folder));
        NodeTable nodes = nodeTable(dataset);
        NodeWriter writer = new NodeWriter(nodes);
        dataset.begin(TxnType.WRITE);
        List<NodeId> first = terms.stream().map(writer::allocate).toList();
        long length = NodeReader.layer(nodes, NodeTableTRDF.class).getData().length();
        assertEquals(first, terms.stream().map(writer::allocate).toList(), "the writer finds what it wrote");
        assertEquals(first, terms.stream().map(nodes::getAllocateNodeId).toList(), "TDB2 finds what the writer wrote");
        assertEquals(length, NodeReader.layer(nodes, NodeTableTRDF.class).getData().length(), "nothing was written twice");
        dataset.commit();
        dataset.end();
        TDBInternal.expel(dataset, true);
    }

    /** Gives each term an id in a new database, in one write transaction, and closes the database. */
    private static List<NodeId> allocate(Path at, List<Node> terms, Function<NodeTable, Function<Node, NodeId>> allocator) {
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(at));
        Function<Node, NodeId> allocate = allocator.apply(nodeTable(dataset));
        List<NodeId> ids = new ArrayList<>();
        Txn.executeWrite(dataset, () -> terms.forEach(term -> ids.add(allocate.apply(term))));
        TDBInternal.expel(dataset, true);
        assertTrue(ids.stream().anyMatch(id -> id.isInline()) && ids.stream().anyMatch(id -> id.isPtr()), "inline ids and written terms");
        return ids;
    }

    private static NodeTable nodeTable(DatasetGraph dataset) {
        return TDBInternal.getDatasetGraphTDB(dataset).getQuadTable().getNodeTupleTable().getNodeTable();
    }

    private static Path nodeFile(Path database) {
        try (Stream<Path> files = Files.walk(database)) {
            return files.filter(file -> file.getFileName().toString().equals("nodes-data.obj")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            assertTrue(bytes.length > 100_000, file + " holds " + bytes.length + " bytes");
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
