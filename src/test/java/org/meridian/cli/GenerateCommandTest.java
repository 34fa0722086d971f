package org.meridian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code meridian generate}: a synthetic project that validates, the same for the same seed. */
class GenerateCommandTest {
    @TempDir
    Path temp;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run generate(Path out, String seed) {
        // The template is this repository's own project: its ontology, queries, mappings and curated rows.
        return run("generate", "--project", ".", "--scale", "5k", "--seed", seed, "--out", out.toString());
    }

    @Test
    void theGeneratedProjectValidatesAndHasTheScaleAskedFor() {
        Path out = temp.resolve("gen");
        Run generated = generate(out, "7");
        assertEquals(0, generated.exit(), generated.err());
        assertTrue(generated.out().startsWith("generated "), generated.out());
        assertTrue(Files.isRegularFile(out.resolve("ontology/generated-commodities.ttl")));
        assertTrue(Files.isRegularFile(out.resolve("queries/persons.rq")));
        Run valid = run("validate", "--project", out.toString());
        assertEquals(0, valid.exit(), valid.err());
        long quads = Long.parseLong(valid.out().replaceAll("^valid: (\\d+) quads.*\\s*$", "$1"));
        assertTrue(quads > 4_000 && quads < 8_000, valid.out());
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
        generate(temp.resolve("a"), "3");
        generate(temp.resolve("b"), "3");
        generate(temp.resolve("c"), "4");
        assertEquals(contents(temp.resolve("a")), contents(temp.resolve("b")));
        assertTrue(!contents(temp.resolve("a")).equals(contents(temp.resolve("c"))));
    }

    @Test
    void aNonEmptyFolderOrABadScaleIsAUsageError() throws IOException {
        Path full = Files.createDirectories(temp.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "mine");
        Run refused = generate(full, "1");
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("is not empty; --out needs a new or empty folder"), refused.err());
        Run badScale = run("generate", "--scale", "lots", "--out", temp.resolve("x").toString());
        assertEquals(2, badScale.exit());
        assertTrue(badScale.err().contains("--scale must be a whole number such as 100000, 100k or 1M, not 'lots'"), badScale.err());
    }

    private static List<String> contents(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().map(f -> {
                try {
                    return root.relativize(f) + "\n" + Files.readString(f);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }).toList();
        }
    }
}
