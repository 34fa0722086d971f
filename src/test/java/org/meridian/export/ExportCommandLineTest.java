package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export commands' surface: help, and the formats {@code query} offers for each kind of query. */
class ExportCommandLineTest {
    @TempDir
    Path temp;

    @Test
    void theExportCommandsAreListedAndHaveHelp() {
        Path project = temp.resolve("none");
        ExportFixture.Run overview = ExportFixture.run(project, "--help");
        for (String command : new String[] {"export", "dump", "diff"}) {
            assertTrue(overview.out().contains("  " + command + " "), overview.out());
            ExportFixture.Run help = ExportFixture.run(project, command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().contains("meridian " + command + " [OPTIONS]"), help.out());
        }
    }

    @Test
    void aConstructWithGraphsIsOfferedOnlyTheQuadFormats() {
        Path project = ExportFixture.project(temp.resolve("project"));
        String query = "CONSTRUCT { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }";
        ExportFixture.Run turtle = ExportFixture.run(project, "query", "--query", query, "--format", "turtle");
        assertEquals(2, turtle.exit());
        assertEquals("meridian query: error: --format turtle does not fit a CONSTRUCT query whose template names graphs; "
                + "use one of trig, nquads, jsonld\n", turtle.err());
        ExportFixture.Run trig = ExportFixture.ok(project, "query", "--query", query);
        assertTrue(trig.out().contains("<https://meridian.example.org/graph/beta> {"), trig.out());
        ExportFixture.Run select = ExportFixture.run(project, "query", "--query", "SELECT * {}", "--format", "trig");
        assertEquals(2, select.exit());
        assertTrue(select.err().contains("use one of table, csv, tsv, json, xml"), select.err());
    }
}
