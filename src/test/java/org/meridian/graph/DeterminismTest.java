package org.meridian.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.TestProjects;

/**
 * Building twice, or from tables whose rows are shuffled, gives the very same graph: IRIs come
 * from ids, never from row order or chance. And whatever the graph holds (curated text included)
 * survives a round trip through every RDF syntax.
 */
class DeterminismTest {
    @TempDir
    Path temp;

    @Test
    void shuffledRowsAndRepeatedBuildsGiveTheSameQuads() throws IOException {
        Path original = copyProject("original");
        Path shuffled = copyProject("shuffled");
        try (Stream<Path> tables = Files.list(shuffled.resolve("data"))) {
            for (Path csv : tables.filter(f -> f.toString().endsWith(".csv")).toList())
                shuffleRows(csv, new Random(csv.getFileName().toString().hashCode()));
        }
        String first = sortedNQuads(original);
        assertEquals(first, sortedNQuads(original), "two builds of the same data differ");
        assertEquals(first, sortedNQuads(shuffled), "shuffling rows changed the graph");
        assertTrue(first.lines().count() > 2000, "the project's data is missing");
    }

    @Test
    void theGraphSurvivesEveryRdfSyntax() throws IOException {
        DatasetGraph built = build(copyProject("round-trip"));
        for (RDFFormat format : List.of(RDFFormat.NQUADS, RDFFormat.TRIG_PRETTY, RDFFormat.TRIG_BLOCKS, RDFFormat.JSONLD11)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.write(out, built, format);
            DatasetGraph back = DatasetGraphFactory.create();
            RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), format.getLang());
            assertSameGraphs(built, back, format.toString());
        }
        for (RDFFormat format : List.of(RDFFormat.TURTLE_PRETTY, RDFFormat.NTRIPLES, RDFFormat.RDFXML_PLAIN)) {
            built.listGraphNodes().forEachRemaining(name -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                RDFDataMgr.write(out, built.getGraph(name), format);
                Graph back = GraphFactory.createDefaultGraph();
                RDFDataMgr.read(back, new ByteArrayInputStream(out.toByteArray()), format.getLang());
                assertTrue(back.isIsomorphicWith(built.getGraph(name)), format + " did not round-trip " + name);
            });
        }
    }

    /** Graph by graph: the ontology's shapes hold blank nodes, which a re-parse renames. */
    private static void assertSameGraphs(DatasetGraph expected, DatasetGraph actual, String format) {
        Set<Node> names = new HashSet<>();
        expected.listGraphNodes().forEachRemaining(names::add);
        Set<Node> actualNames = new HashSet<>();
        actual.listGraphNodes().forEachRemaining(actualNames::add);
        assertEquals(names, actualNames, format + " changed the graph names");
        for (Node name : names)
            assertTrue(expected.getGraph(name).isIsomorphicWith(actual.getGraph(name)), format + " did not round-trip " + name);
    }

    private Path copyProject(String name) {
        return TestProjects.copyOwnProject(temp.resolve(name));
    }

    private static DatasetGraph build(Path root) {
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Pipeline.Outcome outcome = Pipeline.build(new Project(root, Project.DEFAULT_BASE), dataset);
        assertTrue(outcome.ok(), () -> outcome.problems().sorted().toString());
        DatasetGraph copy = DatasetGraphFactory.create();
        dataset.begin(TxnType.READ);
        dataset.find().forEachRemaining(copy::add);
        dataset.end();
        return copy;
    }

    private static String sortedNQuads(Path root) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, build(root), Lang.NQUADS);
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        Collections.sort(lines);
        return String.join("\n", lines);
    }

    private static void shuffleRows(Path csv, Random random) throws IOException {
        List<CSVRecord> records;
        List<String> header;
        try (CSVParser parser = CSVParser.parse(csv, StandardCharsets.UTF_8, CSVFormat.RFC4180)) {
            records = new ArrayList<>(parser.getRecords());
        }
        header = records.remove(0).toList();
        Collections.shuffle(records, random);
        try (CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(csv), CSVFormat.RFC4180)) {
            printer.printRecord(header);
            for (CSVRecord record : records)
                printer.printRecord(record.toList());
        }
    }
}
