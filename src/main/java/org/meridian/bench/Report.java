package org.meridian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.md} and {@code chart.svg} from the CSV files of one benchmark run: loads
 * with their ratios to the peers, where the load time goes, query throughput and latency per
 * engine, answers compared across engines, start-up and memory, and each target held or missed.
 */
final class Report {
    private final Path dir;
    private final StringBuilder md = new StringBuilder();
    private final Rows loads, queries, answers, memory, startup;

    private Report(Path dir) throws IOException {
        this.dir = dir;
        loads = Rows.read(dir.resolve("loads.csv"));
        queries = Rows.read(dir.resolve("queries.csv"));
        answers = Rows.read(dir.resolve("answers.csv"));
        memory = Rows.read(dir.resolve("memory.csv"));
        startup = Rows.read(dir.resolve("startup.csv"));
    }

    static int write(Path dir) throws IOException {
        Report report = new Report(dir);
        report.all();
        Files.writeString(dir.resolve("report.md"), report.md);
        Files.writeString(dir.resolve("chart.svg"), report.chart());
        System.out.println("wrote " + dir.resolve("report.md") + " and " + dir.resolve("chart.svg"));
        return 0;
    }

    private void all() throws IOException {
        md.append("# Meridian benchmark: one run on this machine\n\n");
        md.append("Written by `bench/run.sh` (`BenchMain report`) from the CSV files beside it. The machine has 2 cores"
                + " and other work ran beside the benchmark, so absolute figures are contended; compare the ratios, measured"
                + " in the same run, and the CPU seconds. See `analysis.md` for what the figures mean.\n\n");
        md.append("![chart](chart.svg)\n\n```\n").append(Files.readString(dir.resolve("environment.txt")).strip()).append("\n```\n\n");
        loadSection();
        phaseSection();
        querySection();
        answerSection();
        startupSection();
        memorySection();
    }

    private void loadSection() {
        md.append("## Load: CSV to a validated, published TDB2 build, against loaders of the same graph\n\n");
        md.append("Where an engine loaded a scale more than once, the engines taking turns, its row is its median load"
                + " and its notes list every load's seconds (all of them in `load-rounds.csv`).\n\n");
        md.append("| scale | engine | triples | wall s | triples/s | CPU s | CPU s per M triples | peak RSS MB | notes |\n|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, String> row : loads.list()) {
            double cpuPerM = Rows.parse(row.get("cpu_s")) / Rows.parse(row.get("triples")) * 1e6;
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %.1f | %s | %s |%n", row.get("scale"), row.get("engine"),
                    row.get("triples"), row.get("wall_s"), row.get("triples_per_s"), row.get("cpu_s"), cpuPerM,
                    row.get("peak_rss_mb"), row.get("notes")));
        }
        md.append("\n| scale | fastest of Jena's TDB2 loaders | Meridian ÷ it (rate) | Meridian ÷ Virtuoso (rate) | same, by CPU seconds (peer ÷ Meridian) |\n|---|---|---:|---:|---|\n");
        for (String scale : loads.values("scale")) {
            Rows at = loads.where("scale", scale);
            double ours = at.where("engine", "meridian").number("triples_per_s");
            Map<String, String> fastest = at.filter(r -> r.get("engine").startsWith("tdb2.tdbloader-")).list().stream()
                    .max(java.util.Comparator.comparingDouble(r -> orZero(Rows.parse(r.get("triples_per_s"))))).orElse(Map.of());
            double jena = Rows.parse(fastest.get("triples_per_s"));
            double virtuoso = at.where("engine", "virtuoso").number("triples_per_s");
            double oursCpu = at.where("engine", "meridian").number("cpu_s");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s %s, Virtuoso %s |%n", scale,
                    fastest.getOrDefault("engine", "–"), ratio(ours / jena), ratio(ours / virtuoso),
                    fastest.getOrDefault("engine", "–").replace("tdb2.", ""), ratio(Rows.parse(fastest.get("cpu_s")) / oursCpu),
                    ratio(at.where("engine", "virtuoso").number("cpu_s") / oursCpu)));
        }
        md.append('\n');
    }

    private void phaseSection() throws IOException {
        md.append("## Where Meridian's load time goes\n\n");
        md.append("`map+index`: reading CSV and mapping rows on one thread while the other stores the quads in TDB2's primary"
                + " indexes (GSPO, SPO), as TDB2's sequential loader does; `pack indexes`: their commit, then building each other"
                + " index (GPOS, GOSP, SPOG, POSG, OSPG, and POS, OSP) bottom-up from sorted runs of the primary one's rows, as"
                + " TDB2's xloader does, two at a time; `checks`: the SHACL shapes' walk over their instances on one thread and the lint queries, one after another, then the shapes' `sh:sparql` constraints, on the other."
                + " `parse` and `parse+map` are separate single-threaded passes over the same tables (no store), so `map+index`"
                + " minus `parse+map` is roughly what storing costs beyond mapping.\n\n");
        md.append("Each phase: seconds, then the CPU-seconds the whole process spent in it (all threads and the garbage"
                + " collector; two cores give at most twice the seconds).\n\n");
        md.append("| scale | rows | parse s | parse+map s | map+index s | pack indexes s | checks s | total s |\n|---|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Map<String, String>> byScale = new java.util.LinkedHashMap<>();
        for (String scale : loads.values("scale")) {
            Path file = dir.resolve("phases-" + scale + ".txt");
            if (!Files.exists(file))
                continue;
            Map<String, String> kv = new java.util.LinkedHashMap<>();
            for (String line : Files.readAllLines(file))
                if (line.contains("="))
                    kv.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            byScale.put(scale, kv);
            md.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s |%n", scale, kv.get("rows"), kv.get("parse_s"),
                    kv.get("parse_map_s"), withCpu(kv, "map"), withCpu(kv, "index"), withCpu(kv, "checks"), kv.get("wall_s")));
        }
        md.append("\nThe tasks of the phases `pack indexes` (`node-caches`, then each index, named `index-` and the index)"
                + " and `checks`: seconds from a task's start to its end, then the CPU-seconds its own thread spent (garbage collection not included).\n\n");
        md.append("| scale | task | s | CPU-s |\n|---|---|---:|---:|\n");
        byScale.forEach((scale, kv) -> kv.forEach((key, value) -> {
            if (key.startsWith("task_") && !key.endsWith("_cpu_s")) {
                String task = key.substring("task_".length(), key.length() - "_s".length());
                md.append("| ").append(scale).append(" | ").append(task).append(" | ").append(value).append(" | ")
                        .append(kv.getOrDefault("task_" + task + "_cpu_s", "")).append(" |\n");
            }
        }));
        md.append('\n');
    }

    /** A phase's seconds, and its CPU-seconds when the run recorded them. */
    private static String withCpu(Map<String, String> kv, String phase) {
        String cpu = kv.get("phase_" + phase + "_cpu_s");
        return kv.get("phase_" + phase + "_s") + (cpu == null ? "" : " / " + cpu);
    }

    private void querySection() {
        md.append("## Queries through HTTP\n\n");
        md.append("Closed loop, form-encoded POST, JSON results. `varied`: parameters drawn per request from a pool made from the"
                + " data, and Meridian's answer memory bypassed (`Cache-Control: no-cache`); `repeated`: the same query every"
                + " time, caches allowed. All engines serve at once and take turns: each query runs in several timed"
                + " rounds per engine, and each round goes to every engine in turn, so a drift in the machine's speed slows"
                + " them alike. Each cell: the median round's queries/s with the lowest and highest round in brackets, then"
                + " p50 / p95 ms over all rounds. Failed requests count in the queries/s, so no ratio is given where more"
                + " than one request in a hundred failed (a query that ends at Meridian's 5 s timeout, say).\n\n");
        for (String scale : queries.values("scale")) {
            Rows at = queries.where("scale", scale).filter(r -> r.get("query").startsWith("q"));
            for (String mode : List.of("varied:1", "varied:8", "repeated:8")) {
                String[] m = mode.split(":");
                queryTable(scale + ", " + m[0] + ", " + clients(m[1]), at.where("mode", m[0]).where("clients", m[1]));
            }
            Rows named = queries.where("scale", scale).where("mode", "varied").filter(r -> !r.get("query").startsWith("q"));
            for (String clients : List.of("1", "8"))
                queryTable(scale + ", the named queries of queries/, uncached, " + clients(clients),
                        named.where("clients", clients));
        }
    }

    /**
     * Whether more than one request in a hundred failed: failures (timeouts among them) count in the
     * queries per second, so a ratio of such rows would compare failures, not answers.
     */
    private static boolean failing(Rows cell) {
        return !cell.list().isEmpty() && cell.number("errors") > cell.number("count") / 100;
    }

    /** Queries per second, with a decimal for the slow ones (a few answers in a round). */
    private static String rate(double qps) {
        return String.format(Locale.ROOT, qps < 10 ? "%.1f" : "%.0f", qps);
    }

    private static String clients(String count) {
        return count + (count.equals("1") ? " client" : " clients");
    }

    /** One row per query, one column per engine, then Meridian's throughput over each peer's. */
    private void queryTable(String title, Rows run) {
        if (run.list().isEmpty())
            return;
        List<String> engines = run.values("engine");
        md.append("### ").append(title).append("\n\n| query |");
        engines.forEach(e -> md.append(' ').append(e).append(" |"));
        md.append(" Meridian ÷ Fuseki | Meridian ÷ Virtuoso |\n|---|");
        engines.forEach(e -> md.append("---:|"));
        md.append("---:|---:|\n");
        for (String query : run.values("query")) {
            md.append("| ").append(query).append(" |");
            for (String engine : engines) {
                Rows cell = run.where("engine", engine).where("query", query);
                String errors = cell.number("errors") > 0 ? " (" + (long) cell.number("errors") + " errors)" : "";
                md.append(cell.list().isEmpty() ? " – |" : String.format(Locale.ROOT, " %s q/s [%s–%s], %.1f / %.1f ms%s |",
                        rate(cell.number("qps")), rate(cell.number("qps_low")), rate(cell.number("qps_high")),
                        cell.number("p50_ms"), cell.number("p95_ms"), errors));
            }
            Rows ours = run.where("engine", "meridian").where("query", query);
            for (String peer : List.of("fuseki", "virtuoso")) {
                Rows theirs = run.where("engine", peer).where("query", query);
                md.append(' ').append(failing(ours) || failing(theirs) ? "–" : ratio(ours.number("qps") / theirs.number("qps")));
                md.append(peer.equals("virtuoso") ? " |\n" : " |");
            }
        }
        md.append('\n');
    }

    private void answerSection() {
        md.append("## Answers compared\n\nEach query once with the first parameters; rows and a digest of the canonical answer"
                + " (rows sorted, numbers to two decimals, plain strings without datatype). `differs` marks an engine whose digest"
                + " is not Meridian's.\n\n| query |");
        List<String> engines = answers.values("engine");
        engines.forEach(e -> md.append(' ').append(e).append(" |"));
        md.append("\n|---|");
        engines.forEach(e -> md.append("---|"));
        md.append('\n');
        for (String query : answers.values("query")) {
            Rows rows = answers.where("query", query);
            String ours = rows.where("engine", "meridian").list().isEmpty() ? "" : rows.where("engine", "meridian").list().get(0).get("digest");
            md.append("| ").append(query).append(" |");
            for (String engine : engines) {
                Rows cell = rows.where("engine", engine);
                if (cell.list().isEmpty()) {
                    md.append(" – |");
                    continue;
                }
                Map<String, String> row = cell.list().get(0);
                md.append(' ').append(row.get("rows")).append(" rows `").append(row.get("digest")).append('`')
                        .append(row.get("digest").equals(ours) ? "" : " **differs**").append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private void startupSection() {
        if (startup.list().isEmpty())
            return;
        md.append("## Start-up on a built database\n\nFrom process start to the first answered `ASK {}` over HTTP, then the first"
                + " point lookup on a cold cache; median of the runs.\n\n| engine | scale | runs | first answer ms (median) | first lookup ms (median) | RSS after MB |\n|---|---|---:|---:|---:|---:|\n");
        for (String engine : startup.values("engine")) {
            Rows runs = startup.where("engine", engine);
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.0f | %.0f |%n", engine, runs.list().get(0).get("scale"),
                    runs.list().size(), runs.median("first_answer_ms"), runs.median("first_lookup_ms"), runs.median("rss_after_mb")));
        }
        md.append('\n');
    }

    private void memorySection() {
        md.append("## Memory\n\nPeak resident set (VmHWM) of each server process over its runs; it includes TDB2's memory-mapped"
                + " files, which the kernel can drop, besides the heap. Loader peaks are in the load table.\n\n| engine | scale | what | peak RSS MB | CPU s |\n|---|---|---|---:|---:|\n");
        for (Map<String, String> row : memory.list())
            md.append("| ").append(row.get("engine")).append(" | ").append(row.get("scale")).append(" | ").append(row.get("what"))
                    .append(" | ").append(row.get("peak_rss_mb")).append(" | ").append(row.get("cpu_s")).append(" |\n");
        md.append('\n');
    }

    private String chart() {
        List<String> scales = loads.values("scale");
        List<String> loaders = new ArrayList<>(List.of("meridian"));
        loads.values("engine").stream().filter(e -> e.startsWith("tdb2.tdbloader-")).forEach(loaders::add);
        loaders.add("virtuoso");
        double[][] rates = new double[loaders.size()][scales.size()];
        for (int s = 0; s < loaders.size(); s++)
            for (int c = 0; c < scales.size(); c++)
                rates[s][c] = loads.where("engine", loaders.get(s)).where("scale", scales.get(c)).number("triples_per_s");
        String body = SvgChart.bars("Load, validation included for Meridian", "triples/s", scales, loaders, rates, 10, 10, 880, 300);
        Rows mix = queries.where("mode", "varied").where("clients", "8").filter(r -> r.get("query").startsWith("q"));
        if (!mix.list().isEmpty()) {
            String scale = mix.list().get(0).get("scale");
            mix = mix.where("scale", scale);
            List<String> engines = mix.values("engine");
            List<String> names = new ArrayList<>();
            mix.values("query").forEach(q -> names.add(q.substring(0, 2)));
            double[][] qps = new double[engines.size()][names.size()];
            List<String> full = mix.values("query");
            for (int s = 0; s < engines.size(); s++)
                for (int c = 0; c < full.size(); c++)
                    qps[s][c] = mix.where("engine", engines.get(s)).where("query", full.get(c)).number("qps");
            body += SvgChart.bars("Query mix at " + scale + ", 8 clients, uncached", "queries/s", names, engines, qps, 10, 330, 880, 300);
        }
        return SvgChart.document(900, 650, body);
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static String ratio(double r) {
        return Double.isNaN(r) || Double.isInfinite(r) ? "–" : String.format(Locale.ROOT, "%.2f×", r);
    }
}
