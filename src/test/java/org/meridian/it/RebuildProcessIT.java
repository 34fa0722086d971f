package org.meridian.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.store.DatabaseStore;
import org.meridian.testing.TestProjects;

/**
 * The packaged jar under abuse: a build killed with SIGKILL at random moments never harms the
 * published database and leaves nothing the next build trips over; a running server rebuilds on
 * SIGHUP without a restart, or says it cannot when it was started with SIGHUP ignored.
 */
class RebuildProcessIT {
    private static final Path JAR = Path.of("target/meridian.jar");
    private static final String COUNT = "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }";
    private static final String HUP_IGNORED = "warning: this process was started with SIGHUP ignored";

    @TempDir
    Path temp;

    @Test
    void killingBuildsAtRandomMomentsNeverHarmsThePublishedDatabase() throws Exception {
        Path project = TestProjects.copyOwnProject(temp.resolve("project"));
        assertEquals(0, meridian(project, "load").waitFor());
        DatabaseStore store = new DatabaseStore(project.resolve("var/db"));
        DatabaseStore.Build published = store.current().orElseThrow();
        long quads = count(published);

        Random random = new Random(20240516);
        for (int round = 0; round < 12; round++) {
            Process build = meridian(project, "load", "--force");
            Thread.sleep(random.nextInt(3000));
            build.destroyForcibly();
            build.waitFor(30, TimeUnit.SECONDS);
            DatabaseStore.Build current = store.current().orElseThrow(() -> new AssertionError("no published build"));
            assertEquals(quads, count(current), "round " + round + ": the published build changed");
        }
        try (Stream<Path> builds = Files.list(project.resolve("var/db/builds"))) {
            // Proof that kills landed mid-build: they left folders without a seal.
            assertTrue(builds.anyMatch(folder -> !Files.exists(folder.resolve("meridian-build.properties"))),
                    "no kill landed in the middle of a build; the test proved nothing");
        }
        assertEquals(0, meridian(project, "load", "--force").waitFor(), "a clean build after the kills failed");
        try (Stream<Path> builds = Files.list(project.resolve("var/db/builds"))) {
            List<Path> left = builds.toList();
            assertTrue(left.size() <= 2, "unfinished builds were left behind: " + left);
            for (Path folder : left)
                assertTrue(Files.exists(folder.resolve("meridian-build.properties")), "unsealed build left: " + folder);
        }
        assertEquals(quads, count(store.current().orElseThrow()));
    }

    @Test
    void aRunningServerRebuildsOnHangup() throws Exception {
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Process server = meridian(project, "serve", "--port", "0");
        try {
            String endpoint = CompletableFuture.supplyAsync(() -> TestProjects.endpointOf(server)).get(120, TimeUnit.SECONDS);
            assertEquals("2", people(endpoint));
            // A second process cannot open the database the server holds; it says so and why.
            Process query = meridian(project, "query", "--query", "ASK {}");
            assertEquals(1, query.waitFor());
            String log = Files.readString(temp.resolve("meridian.log"));
            assertTrue(log.contains("hint: a running 'meridian serve' holds it"), log);
            // Started under nohup, this JVM passes SIGHUP on ignored and the server cannot take it back;
            // it says so, which aServerThatCannotHearAHangupSaysSo checks.
            Assumptions.assumeFalse(log.contains(HUP_IGNORED), "this test runs with SIGHUP ignored (under nohup?)");
            Files.writeString(project.resolve("data/people.csv"), "lavrov,Sergei Lavrov,article\n", StandardOpenOption.APPEND);
            assertEquals(0, new ProcessBuilder("kill", "-HUP", Long.toString(server.pid())).start().waitFor());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            String answer = people(endpoint);
            while (!answer.equals("3") && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                answer = people(endpoint);
            }
            assertEquals("3", answer, "the server did not rebuild on SIGHUP");
            assertTrue(server.isAlive());
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aServerThatCannotHearAHangupSaysSo() throws Exception {
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        Process server = meridian(List.of("nohup"), project, "serve", "--port", "0");
        try {
            String endpoint = CompletableFuture.supplyAsync(() -> TestProjects.endpointOf(server)).get(120, TimeUnit.SECONDS);
            assertEquals("2", people(endpoint));
            String log = Files.readString(temp.resolve("meridian.log"));
            assertTrue(log.contains(HUP_IGNORED + " (under nohup?), so 'kill -HUP " + server.pid() + "' will not rebuild"), log);
            assertTrue(log.contains("hint: start it without nohup"), log);
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Process meridian(Path project, String... args) throws IOException {
        return meridian(List.of(), project, args);
    }

    /** Runs the jar's {@code args} on {@code project}, behind {@code launcher} (a command such as nohup, or none). */
    private Process meridian(List<String> launcher, Path project, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--project", project.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(temp.resolve("meridian.log").toFile()));
        // The server prints its addresses on standard output; the rest only log.
        if (!args[0].equals("serve"))
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(temp.resolve("meridian.log").toFile()));
        return builder.start();
    }

    private static long count(DatabaseStore.Build build) {
        DatasetGraph dataset = DatabaseStore.open(build);
        try {
            return Txn.calculateRead(dataset, () -> {
                try (QueryExec exec = QueryExec.dataset(dataset).query(QueryFactory.create(COUNT)).build()) {
                    return Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm());
                }
            });
        } finally {
            TDBInternal.expel(dataset, true);
        }
    }

    private static String people(String endpoint) throws IOException, InterruptedException {
        String query = "SELECT (COUNT(*) AS ?n) { ?s a <http://example.org/ns#Person> }";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(endpoint + "?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body().lines().skip(1).findFirst().orElse("");
    }
}
