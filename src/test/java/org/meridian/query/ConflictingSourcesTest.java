package org.meridian.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/**
 * Two sources that disagree both stand, each in its own graph with its own evidence: a made-up
 * second report calls the 2024 expo the eighth where the first source says the ninth.
 */
class ConflictingSourcesTest {
    @TempDir
    Path temp;

    @Test
    void bothClaimsStandSideBySideEachWithItsSource() throws IOException {
        Path root = TestProjects.copyOwnProject(temp.resolve("project"));
        Files.copy(TestProjects.resource("second-source").resolve("expo-report.txt"), root.resolve("data/sources/expo-report.txt"));
        append(root.resolve("data/sources.csv"), "expo-report,Made-up expo report,2024-05,en,sources/expo-report.txt,test fixture");
        append(root.resolve("data/events.csv"), "russian-chinese-expo-2024,Expo,Eighth Russian-Chinese Expo,2024-05,,,place/harbin,"
                + "past,8,,,,,,expo-report,the eighth Russian-Chinese Expo");
        append(root.resolve("data/participations.csv"), "russian-chinese-expo-2024--vladimir-putin,russian-chinese-expo-2024,"
                + "person/vladimir-putin,opened the expo,expo-report,Putin opened the eighth Russian-Chinese Expo");

        Project project = new Project(root, Project.DEFAULT_BASE);
        Loader.Result result = new Loader(project, new DatabaseStore(temp.resolve("db"))).load(false);
        assertTrue(result.ok(), () -> result.problems().sorted().stream().map(Problem::format).collect(Collectors.joining("\n")));
        DatasetGraph dataset = DatabaseStore.open(result.build().orElseThrow());
        try {
            List<String> rows = new ArrayList<>();
            String query = QueryCatalog.read(project.queries()).find("conflicting-claims").orElseThrow().text();
            Txn.executeRead(dataset, () -> QueryExec.dataset(dataset).query(QueryFactory.create(query)).select()
                    .forEachRemaining(row -> rows.add(row.get("property").getLocalName() + " "
                            + text(row.get("value")) + " " + text(row.get("source")))));
            assertTrue(rows.contains("edition 9 Paraphrased wire report: Putin’s May 2024 visit to China"), rows.toString());
            assertTrue(rows.contains("edition 8 Made-up expo report"), rows.toString());
            assertTrue(rows.contains("label Ninth Russian-Chinese Expo Paraphrased wire report: Putin’s May 2024 visit to China"), rows.toString());
            assertTrue(rows.contains("status https://meridian.example.org/vocab/time-status/planned "
                    + "Paraphrased wire report: Putin’s May 2024 visit to China"), rows.toString());
            assertTrue(rows.contains("status https://meridian.example.org/vocab/time-status/past Made-up expo report"), rows.toString());
            assertEquals(rows.size(), rows.stream().distinct().count());
        } finally {
            TDBInternal.expel(dataset, true);
        }
    }

    private static String text(Node node) {
        return node.isLiteral() ? node.getLiteralLexicalForm() : node.getURI();
    }

    private static void append(Path csv, String row) throws IOException {
        Files.writeString(csv, row + "\n", StandardOpenOption.APPEND);
    }
}
