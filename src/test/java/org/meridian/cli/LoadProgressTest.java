package org.meridian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * The progress line appears only while a build runs: a command that finds the database up to date
 * (every query, export or serve) must not start the ticker, which would otherwise rewrite a line
 * on the terminal every second for as long as the process lives.
 */
class LoadProgressTest {
    private final Project project = new Project(TestProjects.resource("projects/mini"), Project.DEFAULT_BASE);
    private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(shown, true, StandardCharsets.UTF_8);

    @Test
    void aBuildThatNeverStartsShowsNothingAndLeavesNoTicker() {
        LoadProgress progress = new LoadProgress(project, err);
        progress.done();
        assertEquals("", shown.toString(StandardCharsets.UTF_8));
        assertTrue(ticker().isEmpty(), "a progress ticker is running");
    }

    @Test
    void aBuildShowsEachPhaseAndStopsItsTickerWhenDone() throws InterruptedException {
        LoadProgress progress = new LoadProgress(project, err);
        progress.phase("map");
        progress.row();
        progress.quad();
        progress.phase("shapes");
        Optional<Thread> ticker = ticker();
        assertTrue(ticker.isPresent(), "no ticker while building");
        progress.done();
        ticker.get().join(5000);
        assertFalse(ticker.get().isAlive(), "the ticker outlived the build");
        String text = shown.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("map     1 rows, 1 triples"), text);
        assertTrue(text.contains("in shapes)"), text);
    }

    private static Optional<Thread> ticker() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("meridian-progress") && t.isAlive())
                .findFirst();
    }
}
