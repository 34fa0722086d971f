package org.meridian.linked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Project;
import org.meridian.testing.Browser;
import org.meridian.testing.LinkedFixture;
import org.meridian.testing.ServedProject;

/**
 * Resource pages in a real headless Chromium: the entity with its statements in both directions,
 * the graph and source of each, its evidence, links a reader can follow, and curated text that
 * stays text. Skipped without Chromium, except in CI (MERIDIAN_REQUIRE_BROWSER=1).
 */
class ResourcePageBrowserTest {
    @TempDir
    static Path temp;
    static ServedProject served;

    @BeforeAll
    static void start() {
        Browser.requireOrSkip();
        served = ServedProject.start(LinkedFixture.copy(temp.resolve("project")), Project.DEFAULT_BASE, temp.resolve("db"), List.of());
    }

    @AfterAll
    static void stop() {
        if (served != null)
            served.close();
    }

    private static String text(Browser browser, String selector) {
        return browser.evaluate("document.querySelector(" + quote(selector) + ").innerText");
    }

    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static void openAndWait(Browser browser, String url, String heading) throws InterruptedException {
        browser.open(url);
        assertTrue(browser.waitFor("document.querySelector('h1') && document.querySelector('h1').innerText === "
                + quote(heading), Duration.ofSeconds(20)), "no heading '" + heading + "' at " + url + ": "
                + browser.evaluate("document.body ? document.body.innerText : ''"));
    }

    @Test
    void theEntityPageShowsStatementsGraphsEvidenceAndLinks() throws Exception {
        try (Browser browser = Browser.start()) {
            openAndWait(browser, served.root() + "id/person/vladimir-putin", "Vladimir Putin");
            assertEquals("person", text(browser, ".types"));
            String outgoing = text(browser, "table.outgoing");
            assertTrue(outgoing.contains("owl:sameAs\thttp://www.wikidata.org/entity/Q7747\tgraph/table/links"), outgoing);
            assertTrue(outgoing.contains("evidence\tPresident Vladimir Putin arrived\tA state visit (test source)"), outgoing);
            String incoming = text(browser, "table.incoming");
            assertTrue(incoming.contains("Vladimir Putin is Russia's president\tmember\tA briefing with"), incoming);
            String evidence = text(browser, "#evidence");
            assertTrue(evidence.contains("Russian President Vladimir Putin"), evidence);
            assertTrue(evidence.contains("test evidence for Putin's QID"), "the link's evidence too: " + evidence);
            assertEquals("http://www.wikidata.org/entity/Q7747",
                    browser.evaluate("document.querySelector('a[title=\"http://www.wikidata.org/entity/Q7747\"]').href"));

            // Follow the membership, then its organisation: links lead around this server.
            browser.evaluate("[...document.querySelectorAll('table.incoming a')].find(a => a.innerText === "
                    + "\"Vladimir Putin is Russia's president\").click()");
            openAndWaitAfterClick(browser, "Vladimir Putin is Russia's president");
            assertEquals(served.root() + "id/membership/putin-russia", browser.evaluate("location.href"));
            browser.evaluate("[...document.querySelectorAll('table.outgoing a')].find(a => a.innerText === 'Russia').click()");
            openAndWaitAfterClick(browser, "Russia");
            String russia = text(browser, "table.outgoing");
            assertTrue(russia.contains("http://sws.geonames.org/2017370/") && russia.contains("RU"), russia);
        }
    }

    private static void openAndWaitAfterClick(Browser browser, String heading) throws InterruptedException {
        assertTrue(browser.waitFor("document.querySelector('h1') && document.querySelector('h1').innerText === "
                + quote(heading), Duration.ofSeconds(20)), "the click did not lead to '" + heading + "': "
                + browser.evaluate("location.href"));
    }

    @Test
    void curatedTextWithMarkupStaysText() throws Exception {
        try (Browser browser = Browser.start()) {
            String label = "Eve <img src=x onerror=\"window.__meridianXss=1\">";
            openAndWait(browser, served.root() + "id/person/eve", label);
            Thread.sleep(500); // time for an injected handler to run, were there one
            assertEquals("undefined", browser.evaluate("typeof window.__meridianXss"));
            assertEquals("0", browser.evaluate("String(document.querySelectorAll('img, script').length)"));
            assertTrue(text(browser, "#evidence").contains("she said \"<script>window.__meridianXss=2</script>\" & left"));
            assertTrue(text(browser, "table.outgoing").contains("A briefing with <b>markup</b> & \"quotes\" (test source)"));
        }
    }

    @Test
    void anOntologyTermLandsOnItsSectionOfTheOntologyPage() throws Exception {
        try (Browser browser = Browser.start()) {
            browser.open(served.root() + "ontology#Person");
            assertTrue(browser.waitFor("document.getElementById('Person')", Duration.ofSeconds(20)));
            assertEquals("person", browser.evaluate("document.querySelector('#Person h2').innerText"));
            assertTrue(browser.evaluate("document.querySelector('#Person').innerText").contains("A human being."));
        }
    }
}
