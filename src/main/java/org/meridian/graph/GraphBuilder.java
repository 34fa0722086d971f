package org.meridian.graph;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.mapping.Mapping;
import org.meridian.mapping.RowMapper;
import org.meridian.source.CsvTable;

/**
 * Turns a project's ontology files and curated tables into quads. It knows nothing of the domain:
 * every triple comes from a Turtle file or a table's mapping. Problems collect; nothing stops early.
 */
public final class GraphBuilder {
    private final Project project;
    private final Problems problems = new Problems();
    private final PrefixMapping prefixes = PrefixMapping.Factory.create();
    private final BuildListener listener;
    /** Where to record origins while mapping: only on the second pass that {@link #origins} makes. */
    private final Origins recording;
    private final Origins origins;

    public GraphBuilder(Project project) {
        this(project, BuildListener.NONE);
    }

    public GraphBuilder(Project project, BuildListener listener) {
        this(project, listener, null);
    }

    private GraphBuilder(Project project, BuildListener listener, Origins recording) {
        this.project = project;
        this.listener = listener;
        this.recording = recording;
        // Remembering every subject's line would keep every subject of the build in memory; only a
        // problem needs them, so they are found by mapping the tables again when first asked for.
        this.origins = Origins.lazy(into -> new GraphBuilder(project, BuildListener.NONE, into).build(quad -> {}));
    }

    /** Sends every quad of the project to {@code sink}. */
    public void build(Consumer<Quad> sink) {
        for (Path file : project.ontologyFiles())
            readOntology(file, sink);
        for (Project.Table table : project.tables(problems))
            readTable(table, sink);
    }

    public Problems problems() {
        return problems;
    }

    public Origins origins() {
        return origins;
    }

    /** The prefixes the ontology files declare, for showing terms briefly in messages. */
    public PrefixMapping prefixes() {
        return prefixes;
    }

    private void readOntology(Path file, Consumer<Quad> sink) {
        String name = project.display(file);
        Node graph = project.ontologyGraph();
        StreamRDF toGraph = new StreamRDFBase() {
            @Override
            public void triple(Triple triple) {
                sink.accept(Quad.create(graph, triple));
            }

            @Override
            public void prefix(String prefix, String iri) {
                prefixes.setNsPrefix(prefix, iri);
            }
        };
        try {
            RDFParser.source(file).errorHandler(collecting(name)).parse(toGraph);
        } catch (RiotException e) {
            // The error handler has recorded the problem with its line.
        }
    }

    private ErrorHandler collecting(String name) {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {}

            @Override
            public void error(String message, long line, long col) {
                problems.add(name, Math.max(line, 0), message);
            }

            @Override
            public void fatal(String message, long line, long col) {
                problems.add(name, Math.max(line, 0), message);
                throw new RiotException(message);
            }
        };
    }

    private void readTable(Project.Table table, Consumer<Quad> sink) {
        String tableName = project.display(table.csv());
        Mapping mapping = Mapping.parse(table.mapping(), project.display(table.mapping()), project.base(), problems);
        new CsvTable(table.csv(), tableName).read(problems, header -> {
            if (mapping == null || !columnsMatch(tableName, header, mapping))
                return null;
            RowMapper mapper = new RowMapper(mapping, tableName, project.tableGraph(table.name()), project.data());
            return row -> {
                mapper.map(row, problems, recording == null ? sink : quad -> {
                    recording.record(quad.getSubject(), tableName, row.line(), quad.getPredicate().equals(RDF.Nodes.type));
                    sink.accept(quad);
                });
                listener.row();
            };
        });
    }

    /** Every column must feed the mapping, and every column the mapping reads must exist. */
    private boolean columnsMatch(String tableName, List<String> header, Mapping mapping) {
        Set<String> missing = new TreeSet<>(mapping.columns());
        header.forEach(missing::remove);
        Set<String> unknown = new TreeSet<>(header);
        unknown.removeAll(mapping.columns());
        Set<String> clashing = new TreeSet<>(header);
        clashing.retainAll(mapping.assignedNames());
        unknown.removeAll(clashing);
        for (String column : clashing)
            problems.add(Problem.at(tableName, 1, "column '" + column + "' has the name of a variable "
                    + mapping.displayName() + " binds itself")
                    .withHint("rename the BIND variable in the mapping, e.g. ?" + column + "Iri"));
        for (String column : missing)
            problems.add(tableName, 1, "missing column '" + column + "', which " + mapping.displayName() + " reads");
        for (String column : unknown)
            problems.add(Problem.at(tableName, 1, "unknown column '" + column + "': "
                    + mapping.displayName() + " does not read it")
                    .withHint("fix the header, or use ?" + column + " in the mapping"));
        return missing.isEmpty() && unknown.isEmpty() && clashing.isEmpty();
    }
}
