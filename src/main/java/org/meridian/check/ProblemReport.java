package org.meridian.check;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;

/**
 * Writes problems as JSON for scripts and editors: {@code {"problems": [{"file", "line", "column",
 * "value", "rule", "message", "hint"}, ...], "count": N}}; absent fields are left out.
 */
public final class ProblemReport {
    private ProblemReport() {}

    public static void write(Problems problems, Path file) throws IOException {
        JsonArray list = new JsonArray();
        for (Problem problem : problems.sorted()) {
            JsonObject entry = new JsonObject();
            entry.put("file", problem.file());
            if (problem.line() > 0)
                entry.put("line", problem.line());
            putIfPresent(entry, "column", problem.column());
            putIfPresent(entry, "value", problem.value());
            putIfPresent(entry, "rule", problem.rule());
            entry.put("message", problem.message());
            putIfPresent(entry, "hint", problem.hint());
            list.add(entry);
        }
        JsonObject report = new JsonObject();
        report.put("count", problems.size());
        report.put("problems", list);
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.write(out, report);
        }
    }

    private static void putIfPresent(JsonObject entry, String key, String value) {
        if (value != null)
            entry.put(key, value);
    }
}
