package org.meridian.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.query.TxnType;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * Golden cases for the loader, one folder each under {@code cases/}: {@code input.csv} and
 * {@code mapping.rq}, optionally {@code shapes.ttl}, and either {@code expected.trig} (the graphs
 * the table must produce, compared by isomorphism) or {@code expected-errors.txt} (the exact
 * messages, one per line, and then nothing built).
 */
class MappingCasesTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> cases() throws IOException {
        Path cases = TestProjects.resource("cases");
        List<Path> folders;
        try (Stream<Path> list = Files.list(cases)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 10, "the golden cases are missing");
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> run(folder)));
    }

    private void run(Path folder) throws IOException {
        Project project = projectFor(folder);
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        Pipeline.Outcome outcome = Pipeline.build(project, dataset);
        Path expectedErrors = folder.resolve("expected-errors.txt");
        Path expectedGraphs = folder.resolve("expected.trig");
        if (Files.exists(expectedErrors)) {
            String actual = outcome.problems().sorted().stream().map(Problem::format).collect(Collectors.joining("\n"));
            assertEquals(Files.readString(expectedErrors).strip(), actual);
            dataset.begin(TxnType.READ);
            assertTrue(dataset.isEmpty(), "a build with problems must leave the dataset untouched");
            dataset.end();
        } else if (Files.exists(expectedGraphs)) {
            assertTrue(outcome.ok(), () -> "unexpected problems:\n" + outcome.problems().sorted().stream()
                    .map(Problem::format).collect(Collectors.joining("\n")));
            DatasetGraph expected = RDFDataMgr.loadDatasetGraph(expectedGraphs.toString());
            dataset.begin(TxnType.READ);
            try {
                DatasetGraph actual = DatasetGraphFactory.create();
                dataset.find().forEachRemaining(q -> {
                    if (!q.getGraph().equals(project.ontologyGraph()))
                        actual.add(q);
                });
                if (!IsoMatcher.isomorphic(expected, actual))
                    fail("built graphs differ from expected.trig; built:\n" + trig(actual));
            } finally {
                dataset.end();
            }
        } else {
            fail(folder + " has neither expected.trig nor expected-errors.txt");
        }
    }

    /** A one-table project: data/input.csv with data/input.rq, and the case's shapes if any. */
    private Project projectFor(Path folder) throws IOException {
        Path root = Files.createDirectories(temp.resolve(folder.getFileName().toString()));
        Files.createDirectories(root.resolve("data"));
        Files.createDirectories(root.resolve("ontology"));
        Files.copy(folder.resolve("input.csv"), root.resolve("data/input.csv"));
        Files.copy(folder.resolve("mapping.rq"), root.resolve("data/input.rq"));
        if (Files.exists(folder.resolve("shapes.ttl")))
            Files.copy(folder.resolve("shapes.ttl"), root.resolve("ontology/shapes.ttl"));
        return new Project(root, "http://example.org/");
    }

    private static String trig(DatasetGraph dataset) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, dataset, RDFFormat.TRIG_PRETTY);
        return out.toString(StandardCharsets.UTF_8);
    }
}
