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
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop SPARQL load generator (JDK HttpClient, form-encoded POST, JSON results): for each
 * query of a mix, N clients send it back to back for a bounded time, with parameters drawn from a
 * seeded pool, to each engine in turn, and the latencies go to a CSV row per engine (count, errors,
 * queries/s, p50, p95). It also fetches each query once to record a canonical answer for comparing
 * engines.
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

    /** An engine under test: its name in the CSV and a client for its endpoint. */
    private record Engine(String name, Driver driver) {}

    /**
     * {@code drive ENGINE=ENDPOINT[,ENGINE=ENDPOINT...] MIX_DIR PARAMS SCALE MODE CLIENTS SECONDS ROUNDS OUT.csv
     * [ANSWERS.csv]}; MODE is {@code varied} (parameters drawn per request, cache bypassed), {@code repeated}
     * (the same query every time, caches allowed) or {@code once} (each query once, for answers only).
     * <p>
     * Each query runs ROUNDS times on every engine, the engines taking turns, so a drift in the
     * machine's speed slows them alike: one engine's throughput on the same query moved by 1.6x
     * between two runs minutes apart here, as large as the gaps being measured. A row gives the
     * median round's queries/s with the lowest and highest, and latencies pooled over the rounds.
     */
    static int main(String[] args) throws Exception {
        if (args.length < 9) {
            System.err.println("usage: drive ENGINE=ENDPOINT[,ENGINE=ENDPOINT...] MIX_DIR PARAMS SCALE MODE CLIENTS SECONDS ROUNDS"
                    + " OUT.csv [ANSWERS.csv]");
            return 2;
        }
        String scale = args[3];
        String mode = args[4];
        List<Engine> engines = new ArrayList<>();
        for (String engine : args[0].split(","))
            engines.add(new Engine(engine.substring(0, engine.indexOf('=')),
                    new Driver(URI.create(engine.substring(engine.indexOf('=') + 1)), mode.equals("varied"))));
        QueryMix mix = new QueryMix(QueryMix.read(Path.of(args[1])), QueryMix.readParams(Path.of(args[2])));
        int clients = Integer.parseInt(args[5]);
        double seconds = Double.parseDouble(args[6]);
        int rounds = Integer.parseInt(args[7]);
        double warmUp = Math.min(2, seconds / 3);
        try (PrintStream out = append(Path.of(args[8]))) {
            // The whole mix once, unrecorded, before any timed run: otherwise the first query pays for
            // this client's own JIT compilation, and in a repeated run (thousands of answers a second
            // from Meridian's memory) that held the point lookup to 6k q/s where the rest made 10-17k.
            if (!mode.equals("once"))
                for (Engine engine : engines)
                    for (QueryMix.Template template : mix.templates())
                        engine.driver().run(template, mix, clients, warmUp, mode, 99);
            for (QueryMix.Template template : mix.templates()) {
                if (mode.equals("once"))
                    continue;
                List<List<Stats>> runs = new ArrayList<>();
                for (Engine engine : engines) {
                    engine.driver().run(template, mix, clients, warmUp, mode, 99); // warm-up, not recorded
                    runs.add(new ArrayList<>());
                }
                for (int round = 0; round < rounds; round++)
                    for (int turn = 0; turn < engines.size(); turn++) {
                        int e = (round + turn) % engines.size(); // each round starts with the next engine
                        runs.get(e).add(engines.get(e).driver().run(template, mix, clients, seconds, mode, 1 + round));
                    }
                for (int e = 0; e < engines.size(); e++) {
                    String row = String.join(",", engines.get(e).name(), scale, mode, Integer.toString(clients),
                            template.name(), Stats.csv(runs.get(e)));
                    out.println(row);
                    System.err.println(row);
                }
            }
        }
        if (args.length > 9)
            try (PrintStream answers = append(Path.of(args[9]))) {
                for (Engine engine : engines)
                    for (QueryMix.Template template : mix.templates())
                        answers.println(String.join(",", engine.name(), scale, template.name(),
                                engine.driver().answer(template.fill(mix.params(), 0))));
            }
        return 0;
    }

    private static PrintStream append(Path file) throws IOException {
        return new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
    }

    /** Latencies of one run. */
    record Stats(long count, long errors, double seconds, long[] nanos) {
        double qps() {
            return count / seconds;
        }

        /**
         * {@code count,errors,qps,p50_ms,p95_ms,rounds,qps_low,qps_high} of some rounds: counts summed,
         * the median round's queries/s (the lower middle one of an even number), latencies pooled.
         */
        static String csv(List<Stats> rounds) {
            long[] sorted = rounds.stream().flatMapToLong(run -> Arrays.stream(run.nanos())).sorted().toArray();
            double[] qps = rounds.stream().mapToDouble(Stats::qps).sorted().toArray();
            return String.format(Locale.ROOT, "%d,%d,%.1f,%.2f,%.2f,%d,%.1f,%.1f",
                    rounds.stream().mapToLong(Stats::count).sum(), rounds.stream().mapToLong(Stats::errors).sum(),
                    qps[(qps.length - 1) / 2], percentile(sorted, 50), percentile(sorted, 95),
                    qps.length, qps[0], qps[qps.length - 1]);
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
