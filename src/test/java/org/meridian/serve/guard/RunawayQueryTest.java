package org.meridian.serve.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.serve.MeridianServer;

/**
 * Runaway queries over a TDB2 database large enough to make them expensive: each is stopped at
 * the timeout, the process's CPU use falls back to idle afterwards (measured with the JVM's own
 * counters), and a client asking small questions meanwhile keeps getting answers.
 */
class RunawayQueryTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String P = "<http://example.org/p>";

    @TempDir
    static Path temp;
    static RunningServer server;

    @BeforeAll
    static void start() {
        DatasetGraph dataset = TDB2Factory.connectDataset(temp.resolve("db").toString()).asDatasetGraph();
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
        fill(dataset);
        Limits limits = Limits.defaults().withQueryTimeout(TIMEOUT);
        server = new RunningServer(dataset, new MeridianServer.Settings("127.0.0.1", 0, List.of(), limits,
                MeridianServer.Settings.DEFAULT_CORS_ORIGINS, Optional.empty()), temp.resolve("work"));
    }

    /**
     * 40,000 items, each linked to two of 50 hubs (one big, shallow component, so paths
     * explode without deep recursion) and labelled with 30 a's and a b (what makes a
     * backtracking regex explode): 120,000 triples.
     */
    private static void fill(DatasetGraph dataset) {
        Node graph = NodeFactory.createURI("http://example.org/graph");
        Node p = NodeFactory.createURI("http://example.org/p");
        Node label = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#label");
        Txn.executeWrite(dataset, () -> {
            for (int i = 0; i < 40_000; i++) {
                Node item = NodeFactory.createURI("http://example.org/item/" + i);
                for (int k = 0; k < 2; k++)
                    dataset.add(graph, item, p, NodeFactory.createURI("http://example.org/hub/" + (i * 7 + k * 13) % 50));
                dataset.add(graph, item, label, NodeFactory.createLiteralString("a".repeat(30) + "b" + i));
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** The busiest threads of the last interval, for a failure message. */
    private static String busiestThreads() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<String> lines = new ArrayList<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 3)) {
            if (info == null)
                continue;
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            lines.add(cpu / 1_000_000 + " ms " + info.getThreadName() + " " + List.of(info.getStackTrace()));
        }
        lines.sort(Comparator.comparingLong((String line) -> Long.parseLong(line.substring(0, line.indexOf(' ')))).reversed());
        return String.join("\n", lines.subList(0, Math.min(5, lines.size())));
    }

    @Test
    void runawayQueriesStopAtTheTimeoutAndTheCpuGoesBackToIdleWhileOthersAreAnswered() throws Exception {
        List<String> runaways = List.of(
                // Cross product: 120,000^3 rows to count.
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
                // Alternating property path over one big component: even one start node takes
                // minutes, and Jena 5.6 does not check for cancellation within it.
                "SELECT (COUNT(*) AS ?n) { ?s ((" + P + "|^" + P + ")/(" + P + "|^" + P + "))* ?o }",
                // Catastrophic backtracking: one match alone would run for hours.
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER regex(str(?o), \"^(.*a){20}$\") }",
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o BIND(REPLACE(str(?o), \"^(.*a){20}$\", \"x\") AS ?r) }",
                // ORDER BY over a cross product must be materialised before the first row.
                "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY DESC(?f) LIMIT 1",
                // Jena issue #3044's shape: OPTIONAL with FILTER NOT EXISTS over everything.
                "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?uri ?p ?o . OPTIONAL { ?x " + P + " ?o . FILTER NOT EXISTS { ?x " + P
                        + " ?uri } } } }",
                // First rows come at once, then a label stalls the regex: stock Fuseki would have sent
                // "200 OK" and a cut-off body; here the answer is only sent once complete.
                "SELECT ?o { ?s ?p ?o FILTER(?o = <http://example.org/hub/0> || regex(str(?o), \"^(.*a){20}$\")) }",
                // A client asking for a longer timeout than the server's does not get it.
                "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } #&timeout=3600");

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong slowest = new AtomicLong();
        List<Integer> smallAnswers = new ArrayList<>();
        CompletableFuture<Void> bystander = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                long start = System.nanoTime();
                try {
                    smallAnswers.add(server.get(server.queryPath("ASK { ?s ?p ?o }"), "application/sparql-results+json").statusCode());
                } catch (Exception e) {
                    smallAnswers.add(-1);
                }
                slowest.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        });

        long started = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> answers = runaways.stream()
                .map(query -> CompletableFuture.supplyAsync(() -> {
                    try {
                        String[] parts = query.split(" #&", 2);
                        String path = server.queryPath(parts[0]) + (parts.length > 1 ? "&" + parts[1] : "");
                        return server.get(path, "application/sparql-results+json");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).toList();
        for (int i = 0; i < runaways.size(); i++) {
            HttpResponse<String> answer = answers.get(i).get();
            long stoppedAfter = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("  %d ms: %s%n", stoppedAfter, runaways.get(i));
            assertEquals(503, answer.statusCode(), runaways.get(i) + " answered " + answer.body());
            // The answer comes when the work stops. Generous slack: two shared cores.
            assertTrue(stoppedAfter < TIMEOUT.plusSeconds(5).toMillis(), runaways.get(i) + " ran for " + stoppedAfter + " ms");
        }
        long allStopped = System.nanoTime() - started;
        running.set(false);
        bystander.get();

        // Let the JIT and the collector settle, then measure a quiet interval.
        Thread.sleep(1000);
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        Thread.sleep(2000);
        long cpu = processCpuNanos() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;

        System.out.printf("runaway queries: all %d stopped after %d ms (timeout %d ms); bystander: %d answers, slowest %d ms;"
                        + " CPU in the quiet %d ms afterwards: %d ms%n", runaways.size(), allStopped / 1_000_000, TIMEOUT.toMillis(),
                smallAnswers.size(), slowest.get() / 1_000_000, wall / 1_000_000, cpu / 1_000_000);
        assertTrue(cpu < wall / 4, "the process used " + cpu / 1_000_000 + " ms of CPU in " + wall / 1_000_000
                + " ms after every query had been stopped:\n" + busiestThreads());
        assertTrue(smallAnswers.size() >= 3 && smallAnswers.stream().allMatch(s -> s == 200), "bystander answers: " + smallAnswers);
        // Generous: two cores shared by eight runaways and whatever else the machine runs.
        assertTrue(slowest.get() < Duration.ofSeconds(5).toNanos(), "a small question waited " + slowest.get() / 1_000_000 + " ms");
        assertEquals(200, server.get(server.queryPath("ASK {}"), "application/sparql-results+json").statusCode());
    }

    @Test
    void pathsStillGiveTheRightAnswersThroughTheCheckedView() throws Exception {
        long linkedToHub0 = java.util.stream.IntStream.range(0, 40_000)
                .filter(i -> (i * 7) % 50 == 0 || (i * 7 + 13) % 50 == 0).count();
        assertEquals("n\r\n2\r\n", server.get(server.queryPath(
                "SELECT (COUNT(*) AS ?n) { <http://example.org/item/0> " + P + "+ ?o }"), "text/csv").body());
        assertEquals("n\r\n" + linkedToHub0 + "\r\n", server.get(server.queryPath(
                "SELECT (COUNT(*) AS ?n) { <http://example.org/hub/0> (^" + P + ")+ ?s }"), "text/csv").body());
    }

    @Test
    void theWatchdogAbortsAQueryThatRunsWithoutAnyTimeoutOfItsOwn() {
        QueryWatchdog watchdog = new QueryWatchdog(Duration.ofMillis(200), Duration.ofMillis(100));
        long start = System.nanoTime();
        try {
            assertThrows(QueryCancelledException.class, () -> Txn.executeRead(server.dataset, () -> {
                try (QueryExec exec = QueryExec.newBuilder().dataset(server.dataset)
                        .query("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }").build();
                     QueryWatchdog.Watch watch = watchdog.watch(exec, "test")) {
                    RowSet rows = exec.select();
                    rows.next();
                }
            }));
        } finally {
            watchdog.shutdown();
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        assertTrue(took < 5_000, "aborted only after " + took + " ms");
    }
}
