package org.meridian.export.release;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.Lang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.export.ExportFixture;
import org.meridian.export.Rdf;
import org.meridian.store.DatabaseStore;

/** {@code meridian dump}: a complete, described, checksummed bundle that is the same bytes every time. */
class DumpCommandTest {
    static final List<String> FILES = List.of("SHA256SUMS", "distributions.ttl", "meridian.jsonld", "meridian.nq.gz",
            "meridian.trig", "ontology/context.jsonld", "ontology/exports.ttl");

    @TempDir
    static Path temp;
    static Path project;
    static Path first;
    static Path second;

    @BeforeAll
    static void dumpTwice() {
        project = ExportFixture.project(temp.resolve("project"));
        first = temp.resolve("first");
        second = temp.resolve("second");
        ExportFixture.Run run = ExportFixture.ok(project, "dump", first.toString());
        assertEquals(FILES.stream().map(f -> first.resolve(f) + "\n").reduce("", String::concat),
                run.out().lines().sorted().map(l -> l + "\n").reduce("", String::concat));
        // The second dump comes from a separate build of the same project: fresh blank nodes, fresh node ids.
        ExportFixture.ok(project, "dump", second.toString(), "--db", temp.resolve("other-db").toString());
    }

    @Test
    void twoDumpsOfTheSameDataAreByteIdentical() throws IOException {
        assertEquals(FILES, Checksums.files(first).stream().collect(java.util.stream.Collectors.collectingAndThen(
                java.util.stream.Collectors.toList(), l -> { l.add(Checksums.FILE); l.sort(null); return l; })));
        for (String file : FILES)
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
    }

    @Test
    void theGzipHeaderCarriesNoTimestamp() throws IOException {
        byte[] nq = Files.readAllBytes(first.resolve(ReleaseDump.NQUADS));
        assertEquals(0x1f, nq[0] & 0xff);
        assertEquals(0x8b, nq[1] & 0xff);
        for (int i = 4; i < 8; i++)
            assertEquals(0, nq[i], "MTIME byte " + i);
    }

    @Test
    void checksumsVerifyAndCatchAChangedFile() throws IOException {
        assertEquals(List.of(), Checksums.verify(first));
        String sums = Files.readString(first.resolve(Checksums.FILE));
        assertEquals(FILES.size() - 1, sums.lines().count());
        assertTrue(sums.lines().allMatch(l -> l.matches("[0-9a-f]{64}  [a-z./A-Z]+")), sums);

        Path copy = org.meridian.testing.TestProjects.copy(first, temp.resolve("tampered"));
        Files.writeString(copy.resolve(ReleaseDump.TRIG), "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertEquals(List.of(ReleaseDump.TRIG), Checksums.verify(copy));
    }

    @Test
    void everyRdfFileOfTheBundleHoldsTheDatabase() {
        DatabaseStore.Build build = new DatabaseStore(project.resolve("var/db")).current().orElseThrow();
        DatasetGraph database = DatabaseStore.open(build);
        try {
            for (var file : Map.of(ReleaseDump.NQUADS, Lang.NQUADS, ReleaseDump.TRIG, Lang.TRIG, ReleaseDump.JSONLD, Lang.JSONLD).entrySet()) {
                DatasetGraph read = Rdf.read(first.resolve(file.getKey()), file.getValue());
                Txn.executeRead(database, () -> Rdf.assertSameDataset(database, read, file.getKey()));
            }
        } finally {
            TDBInternal.expel(database, true);
        }
    }

    @Test
    void theDescriptionGivesEachFilesSizeMediaTypeAndChecksum() throws IOException {
        DatasetGraph description = Rdf.read(first.resolve(ReleaseDump.DESCRIPTION), Lang.TURTLE);
        String query = """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX spdx: <http://spdx.org/rdf/terms#>
                PREFIX void: <http://rdfs.org/ns/void#>
                SELECT ?url ?size ?media ?sum {
                  ?dataset dcat:distribution ?d .
                  ?d dcat:downloadURL ?url ; dcat:byteSize ?size ; dcat:mediaType ?media ;
                     spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ; spdx:checksumValue ?sum ] .
                }""";
        Map<String, List<String>> described = new HashMap<>();
        try (QueryExec exec = QueryExec.dataset(description).query(query).build()) {
            exec.select().forEachRemaining(row -> described.put(
                    row.get("url").getURI().substring("https://meridian.example.org/dumps/".length()),
                    List.of(row.get("size").getLiteralLexicalForm(), row.get("media").getURI(),
                            row.get("sum").getLiteralLexicalForm())));
        }
        List<String> dataFiles = FILES.stream().filter(f -> !f.equals(Checksums.FILE) && !f.equals(ReleaseDump.DESCRIPTION)).toList();
        assertEquals(new java.util.TreeSet<>(dataFiles), new java.util.TreeSet<>(described.keySet()));
        for (String file : dataFiles) {
            List<String> facts = described.get(file);
            assertEquals(Long.toString(Files.size(first.resolve(file))), facts.get(0), file);
            assertEquals(Checksums.sha256(first.resolve(file)), facts.get(2), file);
        }
        String iana = "https://www.iana.org/assignments/media-types/";
        assertEquals(iana + "application/n-quads", described.get(ReleaseDump.NQUADS).get(1));
        assertEquals(iana + "application/trig", described.get(ReleaseDump.TRIG).get(1));
        assertEquals(iana + "application/ld+json", described.get(ReleaseDump.JSONLD).get(1));
        assertEquals(iana + "text/turtle", described.get("ontology/exports.ttl").get(1));
        String turtle = Files.readString(first.resolve(ReleaseDump.DESCRIPTION));
        assertTrue(turtle.replaceAll(" +", " ").contains("dcat:compressFormat <" + iana + "application/gzip>"), turtle);
        assertTrue(turtle.contains("void:triples"), turtle);
        // The dataset's full VoID description comes along, about the same dataset IRI the server uses.
        try (QueryExec exec = QueryExec.dataset(description).query("""
                PREFIX void: <http://rdfs.org/ns/void#>
                ASK { <https://meridian.example.org/.well-known/void#meridian> void:classPartition ?c ;
                        void:sparqlEndpoint <https://meridian.example.org/meridian/sparql> ;
                        void:dataDump <https://meridian.example.org/dumps/meridian.nq.gz> }""").build()) {
            assertTrue(exec.ask(), turtle);
        }
    }

    @Test
    void aDumpNeverWritesIntoAFolderThatHasFiles() throws IOException {
        Path other = ExportFixture.project(temp.resolve("busy"));
        Path busy = Files.createDirectories(temp.resolve("busy-dump"));
        Files.writeString(busy.resolve("keep.txt"), "mine");
        ExportFixture.Run run = ExportFixture.run(other, "dump", busy.toString());
        assertEquals(1, run.exit());
        assertTrue(run.err().contains(busy.toAbsolutePath() + ": error: already exists and is not an empty folder\n"
                + "hint: a dump goes into a new folder; choose another name or remove it"), run.err());
        try (var files = Files.list(busy)) {
            assertEquals(List.of(busy.resolve("keep.txt")), files.toList());
        }
        try (var siblings = Files.list(temp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains(".partial-")), "no partial bundle remains");
        }
        assertEquals(2, ExportFixture.run(other, "dump").exit());
    }
}
