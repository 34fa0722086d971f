package org.meridian.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Project;
import org.meridian.testing.ServedProject;
import org.meridian.testing.TestProjects;

/**
 * Rebuilding while serving: 8 clients query without pause while the data changes and a new build
 * is swapped in. Not one request fails, and every answer is wholly the old build's or wholly the new one's.
 */
class LiveRebuildTest {
    private static final String NAMES = "SELECT ?name { ?p a <http://example.org/ns#Person> ;"
            + " <http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name";
    private static final Set<String> OLD = Set.of("Vladimir Putin", "Xi Jinping");
    private static final Set<String> NEW = Set.of("Vladimir Putin", "Xi Jinping", "Sergei Lavrov");

    @TempDir
    Path temp;

    @Test
    void eightClientsSeeNoFailureAndNoMixAcrossARebuild() throws Exception {
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServedProject served = ServedProject.start(project, Project.DEFAULT_BASE, temp.resolve("db"), List.of(),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            String before = served.service().live().current().buildId();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answers = new AtomicInteger();
            Set<String> failures = ConcurrentHashMap.newKeySet();
            Set<Set<String>> seen = ConcurrentHashMap.newKeySet();
            ExecutorService clients = Executors.newFixedThreadPool(8);
            for (int i = 0; i < 8; i++)
                clients.submit(() -> {
                    HttpClient http = HttpClient.newHttpClient();
                    while (running.get()) {
                        try {
                            Set<String> names = names(http, served.root());
                            seen.add(names);
                            if (!names.equals(OLD) && !names.equals(NEW))
                                failures.add("mixed answer " + names);
                            answers.incrementAndGet();
                        } catch (Exception e) {
                            failures.add(e.toString());
                        }
                    }
                    return null;
                });
            Thread.sleep(3000);
            Files.writeString(project.resolve("data/people.csv"), "lavrov,Sergei Lavrov,article\n", StandardOpenOption.APPEND);
            Future<Rebuilder.Outcome> rebuild = served.service().rebuilder().request();
            assertEquals(Rebuilder.Outcome.REPLACED, rebuild.get(60, TimeUnit.SECONDS), log.toString(StandardCharsets.UTF_8));
            Thread.sleep(7000);
            running.set(false);
            clients.shutdown();
            assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));

            assertEquals(Set.of(), failures);
            assertEquals(Set.of(OLD, NEW), seen, "both builds should have answered");
            assertTrue(answers.get() > 100, "only " + answers.get() + " answers in 10 s");
            assertNotEquals(before, served.service().live().current().buildId());
            assertEquals(NEW, names(HttpClient.newHttpClient(), served.root()));
        }
    }

    @Test
    void aRebuildWithProblemsKeepsTheOldBuildServing() throws Exception {
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (ServedProject served = ServedProject.start(project, Project.DEFAULT_BASE, temp.resolve("db"), List.of(),
                new PrintStream(log, true, StandardCharsets.UTF_8))) {
            String before = served.service().live().current().buildId();
            Files.writeString(project.resolve("data/people.csv"), "lavrov,,article\n", StandardOpenOption.APPEND);
            assertEquals(Rebuilder.Outcome.FAILED, served.service().rebuilder().request().get(60, TimeUnit.SECONDS));
            assertEquals(before, served.service().live().current().buildId());
            assertEquals(OLD, names(HttpClient.newHttpClient(), served.root()));
            String report = log.toString(StandardCharsets.UTF_8);
            assertTrue(report.contains("data/people.csv:4: error: <id/person/lavrov> rdfs:label: a person needs a name"), report);
            assertTrue(report.contains("still serving build " + before), report);
        }
    }

    @Test
    void watchingRebuildsWhenATableChanges() throws Exception {
        Path project = TestProjects.copy(TestProjects.resource("projects/mini"), temp.resolve("mini"));
        try (ServedProject served = ServedProject.start(project, Project.DEFAULT_BASE, temp.resolve("db"), List.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String before = served.service().live().current().buildId();
            served.service().watch(new Project(project, Project.DEFAULT_BASE));
            Files.writeString(project.resolve("data/people.csv"), "lavrov,Sergei Lavrov,article\n", StandardOpenOption.APPEND);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (served.service().live().current().buildId().equals(before) && Instant.now().isBefore(deadline))
                Thread.sleep(100);
            assertEquals(NEW, names(HttpClient.newHttpClient(), served.root()));
        }
    }

    private static Set<String> names(HttpClient http, String root) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(root + "meridian/sparql?query=" + URLEncoder.encode(NAMES, StandardCharsets.UTF_8)))
                .header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200)
            throw new IOException("status " + response.statusCode() + ": " + response.body());
        return response.body().lines().skip(1).collect(Collectors.toSet());
    }
}
