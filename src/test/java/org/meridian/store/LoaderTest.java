package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.tdb2.params.StoreParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;
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
    void theServedBuildOpensWithTdb2sOwnCacheSizes() {
        Loader.Result result = loader(TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"))).load(false);
        assumeTrue(FreshBuild.storeParams().getNodeId2NodeCacheSize() > StoreParams.getDftStoreParams().getNodeId2NodeCacheSize(),
                "this JVM's heap should give the build larger caches than the defaults, else this test shows nothing");
        Path folder = result.build().orElseThrow().folder();
        assertFalse(Files.exists(folder.resolve("tdb.cfg")), "the build's own cache sizes would be used to serve it");
    }

    private Loader loader(Path root) {
        return new Loader(new Project(root, Project.DEFAULT_BASE), new DatabaseStore(temp.resolve("db")));
    }
}
