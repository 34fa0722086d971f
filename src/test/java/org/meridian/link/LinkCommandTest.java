package org.meridian.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.cli.Cli;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;
import org.meridian.testing.LinkedFixture;

/**
 * The link command on the fixture project and a Wikidata-shaped extract, run as users run it:
 * proposals with scores, near-misses left out, accepted rows moved into data/links.csv (and built),
 * rejected rows remembered and never proposed again, and bad input reported at its line.
 */
class LinkCommandTest {
    static final Path EXTRACT = Path.of("src/test/resources/wikidata/extract.ttl").toAbsolutePath();

    @TempDir
    Path temp;
    Path project;

    @BeforeEach
    void copy() {
        project = LinkedFixture.copy(temp.resolve("project"));
    }

    record Run(int exit, String out, String err) {}

    Run meridian(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--project=" + project;
        System.arraycopy(args, 1, all, 2, args.length - 1);
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    List<CSVRecord> table(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(project.resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    /** entity -> identifier (score), from the review table. */
    Map<String, String> proposals() throws IOException {
        Map<String, String> found = new TreeMap<>();
        for (CSVRecord row : table(LinkReview.REVIEW_TABLE))
            found.put(row.get("entity"), row.get("identifier") + " " + row.get("score") + " " + row.get("decision"));
        return found;
    }

    void decide(Map<String, String> decisions) throws IOException {
        Path file = project.resolve(LinkReview.REVIEW_TABLE);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            String entity = lines.get(i).substring(0, lines.get(i).indexOf(','));
            if (decisions.containsKey(entity))
                lines.set(i, lines.get(i) + decisions.get(entity));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Test
    void proposesScoredLinksAndLeavesNearMissesOut() throws IOException {
        Run run = meridian("link", EXTRACT.toString());
        assertEquals(0, run.exit(), run.err());
        assertEquals(Map.of(
                "person/sergei-lavrov", "Q58217 0.95 ",        // through the alias, kind and country agree
                "place/beijing", "Q956 0.88 ",                  // not the film called Beijing (another kind)
                "place/harbin", "Q42956 0.88 ",                 // "HARBÍN" folds to "harbin"
                "organisation/gazprom", "Q102673 0.88 ",        // not Gazprom Neft (another name)
                "person/wang-yiwei", "Q999999904 0.88 "), proposals());
        // Not the footballer Sergei Lavrov (another country), not the film: two near-misses.
        assertTrue(run.out().contains("5 new proposal(s)") && run.out().contains("2 near-miss(es)"), run.out());
        // Putin and the states are linked already: nothing proposed for them.
        CSVRecord lavrov = table(LinkReview.REVIEW_TABLE).stream()
                .filter(r -> r.get("entity").equals("person/sergei-lavrov")).findFirst().orElseThrow();
        assertEquals("extract.ttl: Q58217 has the alias 'Sergei Lavrov', kind person, country Q159; "
                + "Meridian: 'Sergei Lavrov', kind person, country Q159", lavrov.get("evidence"));
    }

    @Test
    void acceptedRowsMoveIntoTheLinksTableAndRejectedOnesAreNeverProposedAgain() throws IOException {
        assertEquals(0, meridian("link", EXTRACT.toString()).exit());
        String linksBefore = Files.readString(project.resolve("data/links.csv"));
        decide(Map.of("person/sergei-lavrov", "accept", "place/beijing", "accept", "person/wang-yiwei", "reject"));

        Run applied = meridian("link", "--apply");
        assertEquals(0, applied.exit(), applied.err());
        assertTrue(applied.out().contains("2 accepted link(s) moved to data/links.csv; 1 rejected and remembered; 2 undecided"),
                applied.out());
        String links = Files.readString(project.resolve("data/links.csv"));
        assertTrue(links.startsWith(linksBefore), "existing rows untouched");
        assertEquals(List.of("person/sergei-lavrov wikidata Q58217", "place/beijing wikidata Q956"),
                table("data/links.csv").stream().skip(5).map(r -> r.get("entity") + " " + r.get("scheme") + " " + r.get("identifier")).toList());
        assertEquals(Map.of("person/wang-yiwei", "Q999999904 0.88 reject", "place/harbin", "Q42956 0.88 ",
                "organisation/gazprom", "Q102673 0.88 "), proposals());

        // The accepted links are curated data now: they build, with their evidence.
        DatasetGraph built = DatasetGraphFactory.createTxnMem();
        assertTrue(Pipeline.build(new Project(project, Project.DEFAULT_BASE), built).ok());
        Node lavrov = NodeFactory.createURI(Project.DEFAULT_BASE + "id/person/sergei-lavrov");
        assertTrue(Txn.calculateRead(built, () -> built.getUnionGraph().contains(lavrov, OWL.sameAs.asNode(),
                NodeFactory.createURI("http://www.wikidata.org/entity/Q58217"))));

        // Again: nothing new. The linked are linked, the rejected remembered, the undecided already listed.
        Run again = meridian("link", EXTRACT.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("0 new proposal(s)") && again.out().contains("1 rejected earlier"), again.out());
        assertEquals(3, proposals().size());
    }

    @Test
    void badDecisionsAndFilesAreReportedAtTheirLineAndChangeNothing() throws IOException {
        assertEquals(0, meridian("link", EXTRACT.toString()).exit());
        String links = Files.readString(project.resolve("data/links.csv"));
        Path review = project.resolve(LinkReview.REVIEW_TABLE);
        List<String> lines = Files.readAllLines(review, StandardCharsets.UTF_8);
        lines.set(1, lines.get(1) + "maybe");
        lines.set(2, lines.get(2).replaceFirst(",\"[^\"]*\",$", ",,accept"));
        Files.write(review, lines, StandardCharsets.UTF_8);

        Run run = meridian("link", "--apply");
        assertEquals(1, run.exit());
        assertEquals("""
                review/links.csv:2: error: the decision must be accept, reject or empty, not 'maybe'
                review/links.csv:3: error: accepted without evidence
                hint: say in the evidence column why Q102673 is organisation/gazprom
                2 problem(s)
                """.replace("\n", System.lineSeparator()), run.err());
        assertEquals(links, Files.readString(project.resolve("data/links.csv")));

        Path broken = temp.resolve("broken.ttl");
        Files.writeString(broken, "@prefix wd: <http://www.wikidata.org/entity/> .\nwd:Q1 wd:P31 .\n");
        Run parse = meridian("link", broken.toString());
        assertEquals(1, parse.exit());
        assertTrue(parse.err().startsWith(broken + ":2: error: "), parse.err());
        Run unknown = meridian("link", temp.resolve("extract.json").toString());
        assertEquals(1, unknown.exit());
        assertEquals(2, meridian("link").exit());
    }
}
