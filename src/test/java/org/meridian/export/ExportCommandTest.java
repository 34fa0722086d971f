package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.ConnectionRecorder;
import org.meridian.store.DatabaseStore;

/** {@code meridian export} in every RDF format, read back and compared with the database it came from. */
class ExportCommandTest {
    static final String BASE = "https://meridian.example.org/";
    static final String ALPHA = BASE + "graph/alpha";

    @TempDir
    static Path temp;
    static Path project;
    static DatasetGraph database;

    @BeforeAll
    static void exportEverything() {
        project = ExportFixture.project(temp.resolve("project"));
        // Every export is written before the test opens the database itself: one process, one opener.
        for (RdfFormat format : RdfFormat.values()) {
            ExportFixture.ok(project, "export", "--format", format.id(), "--out", out(format, "all").toString());
            for (String graph : List.of("alpha", "beta", "ontology"))
                ExportFixture.ok(project, "export", "--format", format.id(), "--graph", "graph/" + graph,
                        "--out", out(format, graph).toString());
        }
        database = DatabaseStore.open(new DatabaseStore(project.resolve("var/db")).current().orElseThrow());
    }

    @AfterAll
    static void close() {
        TDBInternal.expel(database, true);
    }

    static Path out(RdfFormat format, String name) {
        return temp.resolve("out").resolve(name + "." + format.extension());
    }

    @Test
    void theFixtureHasTheGraphsTheTestsExpect() {
        Txn.executeRead(database, () -> assertEquals(Set.of(ALPHA, BASE + "graph/beta", BASE + "graph/ontology"),
                Rdf.graphNames(database)));
    }

    @Test
    void quadFormatsOfTheWholeDatasetReadBackAsTheDatabase() {
        for (RdfFormat format : List.of(RdfFormat.NQUADS, RdfFormat.TRIG, RdfFormat.JSONLD)) {
            DatasetGraph read = Rdf.read(out(format, "all"), format.lang());
            Txn.executeRead(database, () -> Rdf.assertSameDataset(database, read, format.id()));
        }
    }

    @Test
    void tripleFormatsOfTheWholeDatasetReadBackAsTheUnionOfItsGraphs() {
        for (RdfFormat format : List.of(RdfFormat.TURTLE, RdfFormat.NTRIPLES, RdfFormat.RDFXML)) {
            DatasetGraph read = Rdf.read(out(format, "all"), format.lang());
            Txn.executeRead(database, () -> Rdf.assertIsomorphic(database.getUnionGraph(), read.getDefaultGraph(), format.id()));
        }
    }

    @Test
    void theUnionHoldsEachTripleOnceThoughSomeAreInTwoGraphs() throws IOException {
        long lines = Files.readAllLines(out(RdfFormat.NTRIPLES, "all")).size();
        Txn.executeRead(database, () -> {
            long quads = count(database, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
            long triples = count(database, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
            assertTrue(triples < quads, "the fixture repeats a triple in two graphs");
            assertEquals(triples, lines);
        });
    }

    @Test
    void eachNamedGraphReadsBackAsThatGraphInEveryFormat() {
        for (String name : List.of("alpha", "beta", "ontology")) {
            Node graph = NodeFactory.createURI(BASE + "graph/" + name);
            for (RdfFormat format : RdfFormat.values()) {
                DatasetGraph read = Rdf.read(out(format, name), format.lang());
                String what = format.id() + " of " + name;
                Txn.executeRead(database, () -> {
                    if (format.quads()) {
                        assertEquals(Set.of(graph.getURI()), Rdf.graphNames(read), what);
                        Rdf.assertIsomorphic(database.getGraph(graph), read.getGraph(graph), what);
                    } else {
                        Rdf.assertIsomorphic(database.getGraph(graph), read.getDefaultGraph(), what);
                    }
                });
            }
        }
    }

    @Test
    void jsonLdExpandedByJenaEqualsTheNQuads() {
        DatasetGraph nquads = Rdf.read(out(RdfFormat.NQUADS, "all"), Lang.NQUADS);
        DatasetGraph jsonld = Rdf.read(out(RdfFormat.JSONLD, "all"), Lang.JSONLD);
        Rdf.assertSameDataset(nquads, jsonld, "JSON-LD against N-Quads");
    }

    @Test
    void jsonLdIsCompactedWithTheProjectContext() throws IOException {
        String json = Files.readString(out(RdfFormat.JSONLD, "alpha"));
        assertTrue(json.startsWith("{\n    \"@context\": {"), json.substring(0, 80));
        assertTrue(json.contains("\"member\": \"https://meridian.example.org/id/person/ada\""), json);
        assertTrue(json.contains("\"label\": \"Ada Example\""), json);
        assertTrue(json.contains("\"type\": \"mer:Membership\""), json);
        assertFalse(json.contains("\"https://meridian.example.org/ontology#member\""), json);
    }

    @Test
    void aNamedGraphExportHoldsOnlyThatSourcesFacts() {
        DatasetGraph alpha = Rdf.read(out(RdfFormat.NQUADS, "alpha"), Lang.NQUADS);
        assertEquals(Set.of(ALPHA), Rdf.graphNames(alpha));
        long inAlpha = Txn.calculateRead(database, () -> count(database,
                "SELECT (COUNT(*) AS ?n) { GRAPH <" + ALPHA + "> { ?s ?p ?o } }"));
        assertEquals(inAlpha, alpha.getGraph(NodeFactory.createURI(ALPHA)).size());
        // Every derived fact in it cites source alpha, and beta's agreement and trade flows are absent.
        long citingOthers = count(alpha, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s <http://www.w3.org/ns/prov#wasDerivedFrom> ?src "
                + "FILTER(?src != <" + BASE + "id/source/alpha>) } }");
        assertEquals(0, citingOthers);
        assertEquals(0, count(alpha, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { <" + BASE + "id/agreement/treaty> ?p ?o } }"));
        assertTrue(inAlpha > 20, "the alpha graph should hold the fixture's facts, has " + inAlpha);
    }

    /** A project of its own, for tests that run the command line while the shared database is open. */
    static Path separateProject(String name) {
        return ExportFixture.project(temp.resolve(name));
    }

    @Test
    void anUnknownGraphOrFormatIsAClearError() {
        Path project = separateProject("unknown-graph");
        ExportFixture.Run graph = ExportFixture.run(project, "export", "--graph", "graph/gamma");
        assertEquals(1, graph.exit());
        assertTrue(graph.err().contains("meridian export: error: no named graph <" + BASE + "graph/gamma> in the database\n"
                + "hint: meridian query --query 'SELECT DISTINCT ?g { GRAPH ?g {} }' lists them"), graph.err());
        assertEquals("", graph.out());
        ExportFixture.Run format = ExportFixture.run(project, "export", "--format", "yaml");
        assertEquals(2, format.exit());
        assertTrue(format.err().startsWith("meridian export: error: unknown --format 'yaml'; use one of turtle, ntriples, "
                + "nquads, trig, jsonld, rdfxml, graphml, csv"), format.err());
    }

    @Test
    void aFailedExportLeavesNoFile() throws IOException {
        Path project = separateProject("failed-export");
        Path target = temp.resolve("failed/out.trig");
        assertEquals(1, ExportFixture.run(project, "export", "--graph", "graph/gamma", "--out", target.toString()).exit());
        assertFalse(Files.exists(target));
        try (var left = Files.list(target.getParent())) {
            assertEquals(List.of(), left.toList(), "no partial file may remain");
        }
    }

    @Test
    void anExportedFileIsReadableByOthersLikeAnyFileWritten() throws IOException {
        if (Files.getFileStore(temp).supportsFileAttributeView("posix"))
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(out(RdfFormat.TRIG, "all"))));
    }

    @Test
    void aContextThatNamesARemoteContextFailsWithoutFetchingIt() throws Exception {
        Path other = separateProject("remote-context");
        try (ConnectionRecorder recorder = new ConnectionRecorder()) {
            Files.writeString(other.resolve("ontology/context.jsonld"),
                    "{ \"@context\": [ \"" + recorder.url("/context.jsonld") + "\", { \"x\": \"http://example.org/\" } ] }");
            ExportFixture.Run run = ExportFixture.run(other, "export", "--format", "jsonld", "--graph", "graph/alpha");
            assertEquals(1, run.exit(), run.err());
            assertTrue(run.err().contains("ontology/context.jsonld: error: JSON-LD compaction failed"), run.err());
            assertTrue(run.err().contains("loading a remote context [" + recorder.url("")), run.err());
            Thread.sleep(300);
            assertEquals(0, recorder.connections(), "nothing may be fetched");
        }
    }

    static long count(DatasetGraph dataset, String query) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            return ((Number) exec.select().next().get("n").getLiteralValue()).longValue();
        }
    }
}
