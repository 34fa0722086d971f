package org.meridian.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Project;
import org.meridian.query.QueryCatalog;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.Browser;
import org.meridian.testing.TestProjects;

/**
 * The Fuseki UI in a real headless Chromium: it lists our dataset, opens a preset query and
 * shows the answer. CI installs Chromium and sets MERIDIAN_REQUIRE_BROWSER=1, so there a missing
 * browser fails the build; elsewhere the test is skipped with a note.
 */
class BrowserTest {
    @TempDir
    static Path temp;
    static DatasetGraph dataset;
    static FusekiServer server;
    static String root;
    static QueryCatalog catalog;

    @BeforeAll
    static void start() {
        Browser.requireOrSkip();
        Path projectDir = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Loader.Result result = new Loader(new Project(projectDir, Project.DEFAULT_BASE), new DatabaseStore(temp.resolve("db")))
                .load(false);
        dataset = DatabaseStore.open(result.build().orElseThrow());
        catalog = QueryCatalog.read(projectDir.resolve("queries"));
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work"), catalog).start();
        root = "http://127.0.0.1:" + server.getPort();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
            TDBInternal.expel(dataset, true);
        }
    }

    @Test
    void theHomePageListsTheDataset() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(root + "/");
            boolean listed = browser.waitFor("document.body.innerText.includes('/meridian')", Duration.ofSeconds(30));
            if (!listed)
                browser.screenshot(temp.resolve("home.png"));
            assertTrue(listed, "the datasets page never listed /meridian; body: " + browser.evaluate("document.body.innerText"));
        }
    }

    @Test
    void aPresetQueryRunsAndShowsItsAnswer() throws Exception {
        String query = "SELECT ?name WHERE { ?p a <http://example.org/ns#Person> ; "
                + "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";
        try (Browser browser = Browser.start()) {
            browser.open(root + "/#/dataset/meridian/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertTrue(browser.waitForQueryEditor(), "the query editor never appeared");
            assertEquals(query, browser.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()"));

            boolean answered = browser.runQueryUntilResultsShow("2 results");
            String shown = browser.results();
            assertTrue(answered, "no answer shown: " + shown);
            assertTrue(shown.contains("Vladimir Putin") && shown.indexOf("Vladimir Putin") < shown.indexOf("Xi Jinping"), shown);
        }
    }

    @Test
    void theQueryPageOpensEachQueryInTheEditorReadyToRun() throws Exception {
        String text = catalog.find("people").orElseThrow().text();
        try (Browser browser = Browser.start()) {
            browser.open(root + "/queries");
            assertTrue(browser.waitFor("document.querySelector('li[data-name=\"people\"] a.open')", Duration.ofSeconds(30)),
                    "the page lists no query 'people'");
            assertEquals("People", browser.evaluate("document.querySelector('li[data-name=\"people\"] a.open').textContent"));
            assertEquals("Everyone, by name.", browser.evaluate("document.querySelector('li[data-name=\"people\"] div').textContent"));

            browser.evaluate("document.querySelector('li[data-name=\"people\"] a.open').click()");
            assertTrue(browser.waitForQueryEditor(), "the query editor never opened");
            assertEquals(text, browser.evaluate("document.querySelector('.CodeMirror').CodeMirror.getValue()"));
            assertTrue(browser.runQueryUntilResultsShow("Xi Jinping"), "the query ran without showing its answer");
        }
    }
}
