package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.meridian.cli.Cli;
import org.meridian.graph.Project;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;
import org.meridian.testing.TestProjects;

/**
 * The export tests' project: a tiny ontology and tables under {@code src/test/resources/projects/exports}
 * that exercise every network query, plus the repository's own {@code queries/network/},
 * {@code queries/release/} and {@code ontology/context.jsonld}, so those real files are what is tested.
 */
public final class ExportFixture {
    private ExportFixture() {}

    /** What one command-line run printed, and its exit code. */
    public record Run(int exit, String out, String err) {}

    /** Copies the fixture project into {@code to}. */
    public static Path project(Path to) {
        Path project = TestProjects.copy(TestProjects.resource("projects/exports"), to);
        TestProjects.copy(Path.of("queries/network"), project.resolve("queries/network"));
        TestProjects.copy(Path.of("queries/release"), project.resolve("queries/release"));
        try {
            Files.copy(Path.of("ontology", JsonLdContext.FILE), project.resolve("ontology").resolve(JsonLdContext.FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return project;
    }

    /** Builds the project into {@code db} and returns the published build. */
    public static DatabaseStore.Build build(Path project, Path db) {
        Loader.Result result = new Loader(new Project(project, Project.DEFAULT_BASE), new DatabaseStore(db)).load(false);
        assertTrue(result.ok(), () -> result.problems().sorted().toString());
        return result.build().orElseThrow();
    }

    /** Runs {@code meridian ARGS --project PROJECT} in this JVM. */
    public static Run run(Path project, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of(args), Stream.of("--project", project.toString())).toArray(String[]::new);
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(all);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Like {@link #run}, and the run must succeed. */
    public static Run ok(Path project, String... args) {
        Run run = run(project, args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + ": " + run.err());
        return run;
    }
}
