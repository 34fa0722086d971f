package org.meridian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.testing.TestProjects;

/**
 * The launcher, {@code ./meridian serve}, as users run it: the first serve of a jar writes an archive
 * of the classes it loaded as it exits, and the next serve loads Meridian's classes from that archive
 * (Java's AppCDS) instead of from the jar.
 */
class LauncherClassArchiveIT {
    private static final Path ARCHIVE = Path.of("target/meridian-serve.jsa");

    @TempDir
    Path temp;

    @Test
    void theFirstServeWritesTheClassArchiveAndTheNextStartsFromIt() throws Exception {
        assertTrue(Files.isRegularFile(Path.of("target/meridian.jar")), "package the jar first (mvn verify does)");
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Files.deleteIfExists(ARCHIVE);

        serveAndStop(project, "");
        assertTrue(Files.size(ARCHIVE) > 0, "the first serve left no class archive");

        Path classes = temp.resolve("classes.txt");
        serveAndStop(project, "-Xlog:class+load=info:file=" + classes);
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("org.meridian.serve.Service source: shared objects file (top)"),
                "the second serve did not load Meridian's classes from the archive");
        assertFalse(loaded.contains("org.meridian.serve.Service source: file:"), "the second serve read Service from the jar");
    }

    /** Runs {@code ./meridian serve} on the project, asks one query, and stops it as Ctrl-C or kill would. */
    private void serveAndStop(Path project, String javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("sh", "meridian", "serve", "--project", project.toString(), "--port", "0")
                .redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("stderr.txt").toFile()));
        builder.environment().put("MERIDIAN_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        try {
            String endpoint = CompletableFuture.supplyAsync(() -> TestProjects.endpointOf(process)).get(120, TimeUnit.SECONDS);
            assertEquals(200, ask(endpoint));
        } finally {
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the server did not stop");
        }
    }

    private static int ask(String endpoint) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint + "?query="
                        + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
