package org.meridian.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.meridian.graph.Project;

/**
 * The named queries of {@code queries/}: each {@code NAME.rq} with the title and description its
 * header comment gives ({@code # title: ...}, {@code # description: ...}, the description going on
 * over further comment lines).
 */
public record QueryCatalog(List<NamedQuery> queries) {
    /** One named query. */
    public record NamedQuery(String name, String title, String description, String text) {}

    public static QueryCatalog empty() {
        return new QueryCatalog(List.of());
    }

    /** Reads every {@code .rq} file directly in {@code folder}, in name order. */
    public static QueryCatalog read(Path folder) {
        return new QueryCatalog(Project.list(folder, ".rq").stream().map(QueryCatalog::named).toList());
    }

    public Optional<NamedQuery> find(String name) {
        return queries.stream().filter(q -> q.name().equals(name)).findFirst();
    }

    private static NamedQuery named(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
        String title = name;
        StringBuilder description = new StringBuilder();
        boolean inDescription = false;
        for (String line : text.lines().toList()) {
            if (!line.startsWith("#"))
                break;
            String comment = line.substring(1).strip();
            if (comment.startsWith("title:")) {
                title = comment.substring("title:".length()).strip();
                inDescription = false;
            } else if (comment.startsWith("description:")) {
                description.append(comment.substring("description:".length()).strip());
                inDescription = true;
            } else if (inDescription && !comment.isEmpty()) {
                description.append(' ').append(comment);
            }
        }
        return new NamedQuery(name, title, description.toString(), text);
    }
}
