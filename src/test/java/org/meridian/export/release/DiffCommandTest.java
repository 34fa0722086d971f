package org.meridian.export.release;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.export.ExportFixture;

/** {@code meridian diff}: what a change to data/ or ontology/ did, per named graph. */
class DiffCommandTest {
    @TempDir
    Path temp;

    @Test
    void theSameDataHasNoDifferences() {
        Path project = ExportFixture.project(temp.resolve("project"));
        ExportFixture.ok(project, "dump", temp.resolve("a").toString());
        ExportFixture.ok(project, "dump", temp.resolve("b").toString(), "--db", temp.resolve("other-db").toString());
        ExportFixture.Run dumps = ExportFixture.run(project, "diff", temp.resolve("a").toString(), temp.resolve("b").toString());
        assertEquals(0, dumps.exit(), dumps.err());
        assertEquals("", dumps.out());
        assertEquals("no differences\n", dumps.err());
        ExportFixture.Run database = ExportFixture.run(project, "diff", temp.resolve("a").toString());
        assertEquals(0, database.exit(), database.err());
        assertEquals("", database.out());
    }

    @Test
    void aChangeShowsAsAddedAndRemovedTriplesInItsGraph() throws IOException {
        Path project = ExportFixture.project(temp.resolve("project"));
        Path before = temp.resolve("before");
        ExportFixture.ok(project, "dump", before.toString());

        Path actors = project.resolve("data/actors.csv");
        Files.writeString(actors, Files.readString(actors).replace("Ada Example", "Ada Renamed"));
        Path ontology = project.resolve("ontology/exports.ttl");
        Files.writeString(ontology, Files.readString(ontology).replace("\"an actor needs a source\"", "\"an actor needs its source\""));

        ExportFixture.Run run = ExportFixture.run(project, "diff", before.toString());
        assertEquals(1, run.exit(), run.err());
        String b = "<https://meridian.example.org/";
        String[] lines = run.out().split("\n");
        assertEquals("graph " + b + "graph/alpha>", lines[0]);
        assertEquals("- " + b + "id/person/ada> <http://www.w3.org/2000/01/rdf-schema#label> \"Ada Example\"@en .", lines[1]);
        assertEquals("+ " + b + "id/person/ada> <http://www.w3.org/2000/01/rdf-schema#label> \"Ada Renamed\"@en .", lines[2]);
        assertEquals("graph " + b + "graph/ontology>", lines[3]);
        // The changed shape is a blank node: it shows as one node removed and one added, with all its triples;
        // the ontology's other blank nodes keep their labels and do not appear.
        assertEquals(2 + 2 * 3, lines.length - 4, run.out());
        assertEquals(4, run.out().lines().filter(l -> l.startsWith("+ ") && l.contains("_:B")).count(), run.out());
        assertEquals(true, run.out().contains("\"an actor needs its source\" ."));
        assertEquals(true, run.err().endsWith("5 added, 5 removed, in 2 graph(s)\n"), run.err());

        Path after = temp.resolve("after");
        ExportFixture.ok(project, "dump", after.toString());
        ExportFixture.Run dumps = ExportFixture.run(project, "diff", before.toString(), after.resolve(ReleaseDump.NQUADS).toString());
        assertEquals(run.out(), dumps.out());
    }

    @Test
    void somethingThatIsNotADumpIsAClearError() throws IOException {
        Path project = ExportFixture.project(temp.resolve("project"));
        ExportFixture.Run missing = ExportFixture.run(project, "diff", temp.resolve("nothing").toString());
        assertEquals(1, missing.exit());
        assertEquals(temp.resolve("nothing") + ": error: not a dump: expected a folder holding "
                + "meridian.nq.gz or an N-Quads file (.nq, .nq.gz)\n", missing.err());
        Path broken = Files.writeString(temp.resolve("broken.nq"), "<http://example.org/s> <http://example.org/p> .\n");
        ExportFixture.Run bad = ExportFixture.run(project, "diff", broken.toString());
        assertEquals(1, bad.exit());
        assertEquals(true, bad.err().startsWith(broken + ":1:"), bad.err());
        assertEquals(2, ExportFixture.run(project, "diff").exit());
    }
}
