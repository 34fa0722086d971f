package org.meridian.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Query templates with {@code $NAME} placeholders, and the parameter values they are filled with.
 * Parameters are SPARQL terms, one {@code NAME<TAB>term} a line, made once from the data (by the
 * queries in {@code params/}) so every engine gets the very same queries.
 */
record QueryMix(List<Template> templates, Map<String, List<String>> params) {
    /** A named query text; {@code $NAME} placeholders are filled from the parameters. */
    record Template(String name, String text) {
        String fill(Map<String, List<String>> params, int index) {
            String filled = text;
            for (Map.Entry<String, List<String>> param : params.entrySet()) {
                List<String> values = param.getValue();
                if (!values.isEmpty())
                    filled = filled.replace("$" + param.getKey(), values.get(Math.floorMod(index, values.size())));
            }
            return filled;
        }
    }

    /** Every {@code .rq} file of {@code folder}, named by its file name, in name order. */
    static List<Template> read(Path folder) throws IOException {
        List<Template> templates = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".rq")).sorted().toList()) {
                String name = file.getFileName().toString();
                templates.add(new Template(name.substring(0, name.length() - 3), Files.readString(file)));
            }
        }
        return templates;
    }

    static Map<String, List<String>> readParams(Path file) throws IOException {
        Map<String, List<String>> params = new LinkedHashMap<>();
        if (file == null || !Files.exists(file))
            return params;
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            if (tab > 0)
                params.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
        }
        return params;
    }
}
