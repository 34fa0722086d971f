package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.tdb2.params.StoreParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;
import org.meridian.graph.BuildListener;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * A build is reused only while everything it was made from is unchanged, lint checks included, and
 * it is served with TDB2's own settings whatever the build used.
 */
class LoaderTest {
    @TempDir
    Path temp;

    @Test
    void anUnchangedProjectReusesItsBuild() {
        Loader loader = loader(TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini")));
        Loader.Result first = loader.load(false);
        Loader.Result second = loader.load(false);
        assertTrue(first.ok() && !first.reused());
        assertTrue(second.reused());
        assertEquals(first.build().get().id(), second.build().get().id());
    }

    @Test
    void anEditedCheckIsRunByTheNextLoad() throws IOException {
        Path root = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Path check = Files.createDirectories(root.resolve("queries/checks")).resolve("always.rq");
        Files.writeString(check, "SELECT ?error WHERE { FILTER(false) }\n");
        Loader loader = loader(root);
        assertTrue(loader.load(false).ok());

        Files.writeString(check, "SELECT ?error WHERE { BIND(\"the check was edited\" AS ?error) }\n");
        Loader.Result edited = loader.load(false);
        assertFalse(edited.reused(), "the build made before the check changed was reused");
        assertFalse(edited.ok());
        assertEquals("queries/checks/always.rq: error: the check was edited [queries/checks/always.rq]",
                edited.problems().sorted().stream().map(Problem::format).findFirst().orElse(""));
    }

    @Test
    void aTouchedFileWithTheSameContentKeepsTheBuild() throws IOException {
        Path root = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Loader loader = loader(root);
        Loader.Result first = loader.load(false);
        Path table = firstTable(root);
        Files.setLastModifiedTime(table, FileTime.fromMillis(Files.getLastModifiedTime(table).toMillis() + 60_000));
        Loader.Result second = loader.load(false);
        assertTrue(second.reused(), "same content, only a new time: the build is still current");
        assertEquals(first.build().get().id(), second.build().get().id());
    }

    @Test
    void filesWithTheirNamesSizesAndTimesUnchangedAreNotReadAgain() throws IOException {
        Path root = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        settle(root); // files changed in the last seconds are read whatever their times say
        Loader loader = loader(root);
        Loader.Result first = loader.load(false);
        // A rewrite that keeps size and time to the nanosecond is the one change the cheap check
        // trusts; it shows that a start with nothing changed reads no table.
        Path table = firstTable(root);
        String text = Files.readString(table);
        rewriteKeepingSizeAndTime(table);
        assertTrue(!text.equals(Files.readString(table)) && text.length() == Files.readString(table).length());
        assertEquals(first.build().get().id(), loader.load(false).build().get().id());
        assertFalse(loader.load(true).reused(), "a forced load reads everything");
    }

    @Test
    void aFileChangedJustBeforeTheBuildIsReadAgainNextTime() throws IOException {
        Path root = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Loader loader = loader(root);
        Loader.Result first = loader.load(false);
        // Changed within the same clock tick as the build began, a file may look unchanged; so
        // fresh files make the contents decide: here the same contents, so the build stands.
        Loader.Result second = loader.load(false);
        assertTrue(second.reused());
        assertEquals(first.build().get().id(), second.build().get().id());
        rewriteKeepingSizeAndTime(firstTable(root));
        assertFalse(loader.load(false).reused(), "a file as fresh as the build is read, not trusted by its time");
    }

    /** Changes a file's contents but not its size or modification time. */
    private static void rewriteKeepingSizeAndTime(Path file) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, Files.readString(file).replace('a', 'b'));
        Files.setLastModifiedTime(file, time);
    }

    /** Dates every file of the project an hour back, as if it had been edited long ago. */
    private static void settle(Path root) throws IOException {
        FileTime past = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (var files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList())
                Files.setLastModifiedTime(file, past);
        }
    }

    private static Path firstTable(Path root) throws IOException {
        try (var files = Files.list(root.resolve("data"))) {
            return files.filter(f -> f.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
        }
    }

    @Test
    void aLoadReportsTheShapesSparqlConstraintsAtTheirTableLine() throws IOException {
        Path root = TestProjects.copyOwnProject(temp.resolve("own"));
        Path flows = root.resolve("data/trade-flows.csv");
        String table = Files.readString(flows);
        String edited = table.replace(",2023,240000000000,USD,", ",2023,240000000000,,");
        assertFalse(edited.equals(table), "the edit must find the 2023 trade value");
        Files.writeString(flows, edited);
        Loader.Result result = loader(root).load(true);
        assertFalse(result.ok());
        assertEquals(List.of("data/trade-flows.csv:2: error: <id/trade-flow/russia-china-trade-2023>: "
                + "a trade value needs its currency; other amounts need a unit (value: <id/trade-flow/russia-china-trade-2023>)"),
                result.problems().sorted().stream().map(Problem::format).toList());
    }

    @Test
    void theServedBuildOpensWithTdb2sOwnCacheSizes() {
        Loader.Result result = loader(TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"))).load(false);
        assumeTrue(FreshBuild.storeParams().getNodeId2NodeCacheSize() > StoreParams.getDftStoreParams().getNodeId2NodeCacheSize(),
                "this JVM's heap should give the build larger caches than the defaults, else this test shows nothing");
        Path folder = result.build().orElseThrow().folder();
        assertFalse(Files.exists(folder.resolve("tdb.cfg")), "the build's own cache sizes would be used to serve it");
    }

    @Test
    void theListenerHearsEveryCheckTaskWithItsTimes() throws IOException {
        Path root = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Files.writeString(Files.createDirectories(root.resolve("queries/checks")).resolve("never.rq"),
                "SELECT ?error WHERE { FILTER(false) }\n");
        Map<String, double[]> tasks = new ConcurrentHashMap<>();
        BuildListener listener = new BuildListener() {
            @Override
            public void task(String name, double seconds, double cpuSeconds) {
                tasks.put(name, new double[] {seconds, cpuSeconds});
            }
        };
        assertTrue(loader(root).load(true, listener).ok());
        assertEquals(Set.of("node-caches", "index-GSPO", "index-SPO", "index-GPOS", "index-GOSP", "index-SPOG", "index-POSG", "index-OSPG", "index-POS",
                "index-OSP", "shapes", "never", "shape-queries"), tasks.keySet());
        tasks.values().forEach(times ->
                assertTrue(times[0] > 0 && times[1] >= 0, "a task took no time: " + Arrays.toString(times)));
        assertTrue(tasks.get("shapes")[1] > 0, "the shapes took no CPU");
    }

    private Loader loader(Path root) {
        return new Loader(new Project(root, Project.DEFAULT_BASE), new DatabaseStore(temp.resolve("db")));
    }
}
