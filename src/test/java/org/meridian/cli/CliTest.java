package org.meridian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.TestProjects;

/** The command line as users meet it: exit codes, and what goes to standard output versus standard error. */
class CliTest {
    @TempDir
    Path temp;
    Path project;

    /** What one run printed, and its exit code. */
    record Run(int exit, String out, String err) {}

    @BeforeEach
    void copyProject() {
        project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
    }

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run inProject(String... args) {
        String[] all = Stream.concat(Stream.of(args), Stream.of("--project", project.toString())).toArray(String[]::new);
        return run(all);
    }

    @Test
    void helpGoesToStandardOutput() {
        Run run = run("--help");
        assertEquals(0, run.exit());
        assertTrue(run.out().startsWith("usage: meridian COMMAND"), run.out());
        for (String command : new String[] {"load", "validate", "serve", "query", "link"})
            assertTrue(run.out().contains("  " + command + " "), command);
        assertEquals("", run.err());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"load", "validate", "serve", "query", "link"}) {
            Run run = run(command, "--help");
            assertEquals(0, run.exit(), command);
            assertTrue(run.out().contains("meridian " + command + " [OPTIONS]"), run.out());
            assertTrue(run.out().contains("--project"), run.out());
            assertEquals("", run.err());
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Run run = run();
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("usage: meridian COMMAND"), run.err());
    }

    @Test
    void unknownCommandAndOptionAreUsageErrors() {
        Run command = run("lod");
        assertEquals(2, command.exit());
        assertTrue(command.err().startsWith("meridian: error: unknown command 'lod'"), command.err());
        Run option = run("load", "--frce");
        assertEquals(2, option.exit());
        assertEquals("meridian load: error: Unrecognized option: --frce\nhint: meridian load --help lists its options\n",
                option.err().replace("\r\n", "\n"));
        Run port = run("serve", "--port", "eighty");
        assertEquals(2, port.exit());
        assertEquals("meridian serve: error: --port must be a number from 0 to 65535, not 'eighty'\n", port.err());
        assertEquals("", port.out());
        Run federate = run("serve", "--federate", "ftp://example.org/sparql");
        assertEquals(2, federate.exit());
        assertEquals("meridian serve: error: --federate needs the full http(s) URL of a SPARQL endpoint, not "
                + "'ftp://example.org/sparql'\n", federate.err());
    }

    @Test
    void validateReportsOnStandardOutputAndWritesNothing() {
        Run run = inProject("validate");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().matches("valid: \\d+ quads, no problems\\n"), run.out());
        assertEquals("", run.err());
        assertTrue(Files.notExists(project.resolve("var")), "validate must not write a database");
    }

    @Test
    void dataProblemsExitOneWithLocatedMessagesOnStandardError() throws IOException {
        Files.writeString(project.resolve("data/people.csv"), "id,name,source\nputin,Vladimir Putin,article\nxi,,article\n");
        Run run = inProject("validate");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertEquals("data/people.csv:3: error: <id/person/xi> rdfs:label: a person needs a name\n1 problem(s)\n", run.err());
    }

    @Test
    void loadThenQueryInEveryFormat() {
        Run load = inProject("load");
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.out().startsWith("published build "), load.out());

        Run csv = inProject("query", "people", "--format", "csv");
        assertEquals(0, csv.exit(), csv.err());
        assertEquals("name\r\nVladimir Putin\r\nXi Jinping\r\n", csv.out());
        assertTrue(csv.err().startsWith("the database is up to date"), csv.err());

        Run table = inProject("query", "people");
        assertTrue(table.out().contains("| name"), table.out());
        assertTrue(table.out().contains("| \"Xi Jinping\""), table.out());

        Run tsv = inProject("query", "--query", "SELECT (COUNT(*) AS ?n) { ?s a <http://example.org/ns#Person> }", "--format", "tsv");
        assertEquals("?n\n2\n", tsv.out());

        Run json = inProject("query", "--query", "ASK { ?s ?p \"Xi Jinping\" }", "--format", "json");
        assertTrue(json.out().replaceAll("\\s", "").contains("\"boolean\":true"), json.out());

        Run turtle = inProject("query", "--query", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p \"Xi Jinping\" . ?s ?p ?o }");
        assertTrue(turtle.out().contains("\"Xi Jinping\""), turtle.out());
    }

    @Test
    void aFailedLoadPublishesNothingAndKeepsTheCurrentBuild() throws IOException {
        Run first = inProject("load");
        assertEquals(0, first.exit(), first.err());
        Path current = project.resolve("var/db/current").toRealPath();

        Files.writeString(project.resolve("data/people.csv"), "id,name,source\nputin,Vladimir Putin,article\nxi,Xi,\n");
        Run second = inProject("load");
        assertEquals(1, second.exit());
        assertTrue(second.err().contains("data/people.csv:3: error: no graph for the row's triples"), second.err());
        assertTrue(second.err().contains("nothing was published"), second.err());
        assertEquals(current, project.resolve("var/db/current").toRealPath());
        try (Stream<Path> builds = Files.list(project.resolve("var/db/builds"))) {
            assertEquals(1, builds.count(), "the failed build's folder must be gone");
        }
        Run query = inProject("query", "--query", "SELECT (COUNT(*) AS ?n) { ?s a ?type }", "--format", "csv");
        assertEquals(1, query.exit(), "query must not answer from a database that no longer matches the data");
    }

    @Test
    void queryUsageErrors() {
        Run unknown = inProject("query", "nobody");
        assertEquals(2, unknown.exit());
        assertEquals("meridian query: error: no query named 'nobody': expected queries/nobody.rq\n", unknown.err());

        Run two = inProject("query", "people", "--query", "ASK {}");
        assertEquals(2, two.exit());
        assertEquals("meridian query: error: give exactly one query: a NAME from queries/, --file FILE or --query TEXT\n",
                two.err());

        Run format = inProject("query", "people", "--format", "turtle");
        assertEquals(2, format.exit());
        assertEquals("meridian query: error: --format turtle does not fit a SELECT query; use one of table, csv, tsv, json, xml\n",
                format.err());
    }

    @Test
    void querySyntaxErrorsPointAtTheirPosition() {
        Run run = inProject("query", "--query", "SELECT * WHERE { ?s ?p }");
        assertEquals(1, run.exit());
        assertEquals("", run.out());
        assertTrue(run.err().startsWith("--query:1:24: error: Encountered"), run.err());
    }

    @Test
    void aMessyTableGetsEveryProblemReportedAndAJsonReport() throws IOException {
        Files.writeString(project.resolve("data/events.rq"), """
                PREFIX ex:  <http://example.org/ns#>
                PREFIX fn:  <https://meridian.example.org/function#>
                PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
                CONSTRUCT { GRAPH ?graph { ?event a ex:Event ; ex:date ?onDate ; ex:amount ?value ; ex:actor ?actorIri } }
                WHERE {
                  BIND(IRI(CONCAT("id/event/", fn:slug(?id))) AS ?event)
                  BIND(IRI(CONCAT("graph/", fn:slug(?source))) AS ?graph)
                  BIND(fn:date(?date) AS ?onDate)
                  BIND(xsd:decimal(?amount) AS ?value)
                  BIND(IRI(CONCAT("id/", fn:ref(?actor))) AS ?actorIri)
                }
                """);
        StringBuilder csv = new StringBuilder("id,date,amount,actor,source\n");
        String[] badDates = {"2024-02-30", "2024-13", "31/12/2023", "45123", "May 2024"};
        String[] badAmounts = {"240bn", "1,5", "NaN", "1e", "two"};
        String[] badIds = {"Event One", "é-vent", "-x", "a_b", "A"};
        String[] badRefs = {"putin", "person/", "/putin", "person/Vladimir", "person putin"};
        for (int i = 0; i < 5; i++) {
            csv.append("d").append(i).append(',').append(badDates[i]).append(",1,person/putin,article\n");
            csv.append("m").append(i).append(",2024,").append(badAmounts[i]).append(",person/putin,article\n");
            csv.append(badIds[i]).append(",2024,1,person/putin,article\n");
            csv.append("r").append(i).append(",2024,1,").append(badRefs[i]).append(",article\n");
            csv.append("x").append(i).append(",2024,1\n");
        }
        Files.writeString(project.resolve("data/events.csv"), csv.toString());
        Path report = temp.resolve("report.json");

        Run run = inProject("validate", "--report", report.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().endsWith("25 problem(s)\n"), run.err());
        for (int line = 2; line <= 26; line++)
            assertTrue(run.err().contains("data/events.csv:" + line + ": error: "), "line " + line + " not reported:\n" + run.err());

        JsonObject json = JSON.read(report.toString());
        assertEquals(25, json.get("count").getAsNumber().value().intValue());
        JsonArray problems = json.get("problems").getAsArray();
        assertEquals(25, problems.size());
        JsonObject first = problems.get(0).getAsObject();
        assertEquals("data/events.csv", first.get("file").getAsString().value());
        assertEquals(2, first.get("line").getAsNumber().value().intValue());
        assertEquals("date", first.get("column").getAsString().value());
        assertEquals("2024-02-30", first.get("value").getAsString().value());
        assertEquals("row.bad-cell", first.get("rule").getAsString().value());
        assertTrue(problems.stream().anyMatch(p -> p.getAsObject().get("rule").getAsString().value().equals("csv.ragged-row")));
    }
}
