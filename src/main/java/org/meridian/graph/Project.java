package org.meridian.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.meridian.check.Problem;
import org.meridian.check.Problems;

/**
 * A Meridian project folder: {@code ontology/} (Turtle: vocabulary and SHACL shapes),
 * {@code data/} (curated tables paired with mappings) and {@code queries/} (named queries).
 * {@code base} is the IRI that entity and graph IRIs are minted under.
 */
public record Project(Path root, String base) {
    public static final String DEFAULT_BASE = "https://meridian.example.org/";

    public Project {
        root = root.toAbsolutePath().normalize();
    }

    public Path ontology() {
        return root.resolve("ontology");
    }

    public Path data() {
        return root.resolve("data");
    }

    public Path queries() {
        return root.resolve("queries");
    }

    /** The lint checks every build runs: {@code queries/checks/*.rq}. */
    public Path checks() {
        return queries().resolve("checks");
    }

    /** How messages name a file: relative to the project root. */
    public String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(root) ? root.relativize(absolute).toString() : absolute.toString();
    }

    /** An IRI as messages show it: relative to the base when it is under it. */
    public String relative(Node node) {
        String iri = node.isURI() ? node.getURI() : node.toString();
        return iri.startsWith(base) ? iri.substring(base.length()) : iri;
    }

    /** The named graph holding the ontology and shapes. */
    public Node ontologyGraph() {
        return NodeFactory.createURI(base + "graph/ontology");
    }

    /** The named graph for a table's triples that its mapping puts in no GRAPH of its own. */
    public Node tableGraph(String tableName) {
        return NodeFactory.createURI(base + "graph/table/" + tableName);
    }

    /** The ontology's Turtle files, in name order. */
    public List<Path> ontologyFiles() {
        return list(ontology(), ".ttl");
    }

    /**
     * The curated tables: every {@code data/NAME.csv} with its mapping {@code data/NAME.rq}.
     * A table without a mapping, or a mapping without a table, is a problem.
     */
    public List<Table> tables(Problems problems) {
        List<Table> tables = new ArrayList<>();
        for (Path csv : list(data(), ".csv")) {
            String name = baseName(csv, ".csv");
            Path mapping = data().resolve(name + ".rq");
            if (Files.isRegularFile(mapping))
                tables.add(new Table(name, csv, mapping));
            else
                problems.add(problemFor(csv, "the table has no mapping; expected " + display(mapping)).withRule("table.no-mapping"));
        }
        for (Path rq : list(data(), ".rq")) {
            if (!Files.isRegularFile(data().resolve(baseName(rq, ".rq") + ".csv")))
                problems.add(problemFor(rq, "the mapping has no table; expected " + baseName(rq, ".rq") + ".csv beside it")
                        .withRule("mapping.no-table"));
        }
        return tables;
    }

    private Problem problemFor(Path file, String message) {
        return Problem.at(display(file), 0, message);
    }

    private static String baseName(Path file, String extension) {
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - extension.length());
    }

    /** The regular files of {@code dir} whose names end in {@code extension}, in name order; none if it is missing. */
    public static List<Path> list(Path dir, String extension) {
        if (!Files.isDirectory(dir))
            return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(extension) && Files.isRegularFile(f))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A curated table and the mapping that turns its rows into RDF. */
    public record Table(String name, Path csv, Path mapping) {}
}
