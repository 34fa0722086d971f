package org.meridian.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.serve.MeridianServer;
import org.meridian.testing.Browser;

/**
 * HTML pages escape everything: literals carrying markup are shown as text by the Fuseki UI
 * in a real headless Chromium (no script runs), and error pages do not echo markup from the URL.
 */
class HostileLiteralsInBrowserTest {
    private static final String IMG = "<img src=x onerror=\"window.__xss='img'\">";
    private static final String SVG = "\"><svg onload=\"window.__xss='svg'\">";

    @TempDir
    static Path temp;
    static RunningServer server;

    @BeforeAll
    static void start() {
        Browser.requireOrSkip();
        DatasetGraph dataset = TDB2Factory.connectDataset(temp.resolve("db").toString()).asDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        Txn.executeWrite(dataset, () -> {
            var graph = NodeFactory.createURI("http://example.org/graph");
            var label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
            dataset.add(graph, NodeFactory.createURI("http://example.org/a"), label, NodeFactory.createLiteralString(IMG));
            dataset.add(graph, NodeFactory.createURI("http://example.org/b"), label, NodeFactory.createLiteralString(SVG));
        });
        server = new RunningServer(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work"));
    }

    @AfterAll
    static void stop() {
        if (server != null)
            server.close();
    }

    @Test
    void theUiShowsMarkupInLiteralsAsText() throws Exception {
        String query = "SELECT ?label WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?label";
        try (Browser browser = Browser.start()) {
            browser.open(server.root + "/#/dataset/meridian/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertTrue(browser.waitForQueryEditor(), "the query editor never appeared");
            boolean answered = browser.runQueryUntilResultsShow("2 results");
            String shown = browser.results();
            assertTrue(answered, "no answer shown: " + shown);
            // Give any injected handler time to fire, then look for its trace.
            Thread.sleep(500);
            assertNull(browser.evaluate("window.__xss"), "a script from the data ran");
            assertEquals("0", browser.evaluate("String(document.querySelectorAll('.yasr img, .yasr svg[onload]').length)"));
            assertTrue(shown.contains("onerror=") && shown.contains("<svg onload="), "the markup is shown as text: " + shown);
        }
    }

    @Test
    void errorPagesDoNotEchoMarkup() throws Exception {
        String answer = server.raw("GET /no-such/%3Cscript%3Ealert(1)%3C/script%3E HTTP/1.1");
        assertTrue(answer.startsWith("HTTP/1.1 404"), answer);
        assertFalse(answer.contains("<script>"), answer);
        try (Browser browser = Browser.start()) {
            browser.open(server.root + "/no-such/%3Cimg%20src=x%20onerror=window.__xss=1%3E");
            Thread.sleep(1000);
            assertNull(browser.evaluate("window.__xss"), "the error page ran a script from the URL");
        }
    }
}
