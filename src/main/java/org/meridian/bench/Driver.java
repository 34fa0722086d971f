package org.meridian.bench;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop SPARQL load generator (JDK HttpClient, form-encoded POST, JSON results): for each
 * query of a mix, N clients send it back to back for a bounded time, with parameters drawn from a
 * seeded pool, and the latencies go to a CSV row (count, errors, queries/s, p50, p95). It also
 * fetches each query once to record a canonical answer for comparing engines.
 */
final class Driver {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final boolean bypassCache;
    private final AtomicLong errorsShown = new AtomicLong();

    private Driver(URI endpoint, boolean bypassCache) {
        this.endpoint = endpoint;
        this.bypassCache = bypassCache;
    }

    /**
     * {@code drive ENDPOINT MIX_DIR PARAMS ENGINE SCALE MODE CLIENTS SECONDS OUT.csv [ANSWERS.csv]}; MODE is
     * {@code varied} (parameters drawn per request, cache bypassed), {@code repeated} (the same query
     * every time, caches allowed) or {@code once} (each query once, for answers only).
     */
    static int main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: drive ENDPOINT MIX_DIR PARAMS ENGINE SCALE MODE CLIENTS SECONDS OUT.csv [ANSWERS.csv]");
            return 2;
        }
        String mode = args[5];
        Driver driver = new Driver(URI.create(args[0]), mode.equals("varied"));
        QueryMix mix = new QueryMix(QueryMix.read(Path.of(args[1])), QueryMix.readParams(Path.of(args[2])));
        int clients = Integer.parseInt(args[6]);
        double seconds = Double.parseDouble(args[7]);
        double warmUp = Math.min(2, seconds / 3);
        try (PrintStream out = append(Path.of(args[8]))) {
            // The whole mix once, unrecorded, before any timed run: otherwise the first query pays for
            // this client's own JIT compilation, and in a repeated run (thousands of answers a second
            // from Meridian's memory) that held the point lookup to 6k q/s where the rest made 10-17k.
            if (!mode.equals("once"))
                for (QueryMix.Template template : mix.templates())
                    driver.run(template, mix, clients, warmUp, mode, 99);
            for (QueryMix.Template template : mix.templates()) {
                if (!mode.equals("once")) {
                    driver.run(template, mix, clients, warmUp, mode, 99); // warm-up, not recorded
                    Stats stats = driver.run(template, mix, clients, seconds, mode, 1);
                    out.println(String.join(",", args[3], args[4], mode, Integer.toString(clients), template.name(), stats.csv()));
                    System.err.printf("%-10s %-9s %d clients %-28s %s%n", args[3], mode, clients, template.name(), stats.csv());
                }
            }
        }
        if (args.length > 9)
            try (PrintStream answers = append(Path.of(args[9]))) {
                for (QueryMix.Template template : mix.templates())
                    answers.println(String.join(",", args[3], args[4], template.name(), driver.answer(template.fill(mix.params(), 0))));
            }
        return 0;
    }

    private static PrintStream append(Path file) throws IOException {
        return new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
    }

    /** Latencies of one run. */
    record Stats(long count, long errors, double seconds, long[] nanos) {
        String csv() {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return String.format("%d,%d,%.1f,%.2f,%.2f", count, errors, count / seconds, percentile(sorted, 50), percentile(sorted, 95));
        }

        private static double percentile(long[] sorted, int p) {
            if (sorted.length == 0)
                return Double.NaN;
            int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
        }
    }

    private Stats run(QueryMix.Template template, QueryMix mix, int clients, double seconds, String mode, long seed) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            SplittableRandom random = new SplittableRandom(seed * 1000 + c);
            List<Long> latencies = new ArrayList<>();
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < deadline) {
                    int index = mode.equals("repeated") ? 0 : random.nextInt(1 << 20);
                    long t0 = System.nanoTime();
                    if (!send(template.fill(mix.params(), index)))
                        errors.incrementAndGet();
                    latencies.add(System.nanoTime() - t0);
                }
                synchronized (perClient) {
                    perClient.add(latencies.stream().mapToLong(Long::longValue).toArray());
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads)
            thread.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = perClient.stream().flatMapToLong(Arrays::stream).toArray();
        return new Stats(all.length, errors.get(), elapsed, all);
    }

    /** Says what went wrong the first few times, so that errors in the CSV can be explained. */
    private void reportError(String what) {
        if (errorsShown.getAndIncrement() < 3)
            System.err.println("drive: a request failed: " + what);
    }

    private HttpRequest request(String query) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/sparql-results+json")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)));
        if (bypassCache)
            builder.header("Cache-Control", "no-cache");
        return builder.build();
    }

    private boolean send(String query) {
        try {
            HttpResponse<byte[]> response = http.send(request(query), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200)
                reportError("HTTP " + response.statusCode());
            return response.statusCode() == 200;
        } catch (IOException e) {
            reportError(e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code rows,digest,ms} of one answer, or {@code -1,HTTP-status,ms} on failure. */
    private String answer(String query) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request(query), HttpResponse.BodyHandlers.ofByteArray());
            double ms = (System.nanoTime() - t0) / 1e6;
            if (response.statusCode() != 200)
                return "-1,HTTP-" + response.statusCode() + "," + String.format("%.1f", ms);
            Answers.Canonical canonical = Answers.of(response.body());
            return canonical.rows() + "," + canonical.digest() + "," + String.format("%.1f", ms);
        } catch (Exception e) {
            return "-1," + e.getClass().getSimpleName() + ",0";
        }
    }
}
