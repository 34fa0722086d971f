package org.meridian.graph;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LabelToNode;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.meridian.check.CollectingErrorHandler;
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
    /** Who hears each quad with its row, on a second pass over the tables; null on the first. */
    private final Replay replaying;
    private final Origins origins;
    /** Notes what each row defines, on the first pass only. */
    private final Definitions definitions;
    private long rowsRead;

    public GraphBuilder(Project project) {
        this(project, BuildListener.NONE);
    }

    public GraphBuilder(Project project, BuildListener listener) {
        this(project, listener, null);
    }

    private GraphBuilder(Project project, BuildListener listener, Replay replaying) {
        this.project = project;
        this.listener = listener;
        this.replaying = replaying;
        this.definitions = replaying == null ? new Definitions() : null;
        // Remembering every subject's line would keep every subject of the build in memory; only a
        // problem needs them, so they are found by mapping the tables again when asked for.
        this.origins = new Origins(recorder -> replay((quad, typing, defining, row, file, line) ->
                recorder.record(quad.getSubject(), file, line, typing)));
    }

    /** Hears each quad of a second pass over the tables, with the row it came from. */
    private interface Replay {
        /**
         * @param typing   whether it is an rdf:type quad
         * @param defining whether it types its subject in a source's graph, where one row defines a node
         */
        void quad(Quad quad, boolean typing, boolean defining, long row, String file, long line);
    }

    /** Maps the tables again, telling {@code listener} of every quad a table row gives. */
    private void replay(Replay listener) {
        new GraphBuilder(project, BuildListener.NONE, listener).build(quad -> {});
    }

    /** Sends every quad of the project to {@code sink}. */
    public void build(Consumer<Quad> sink) {
        try {
            for (Path file : project.ontologyFiles())
                readOntology(file, sink);
            for (Project.Table table : project.tables(problems))
                readTable(table, sink);
            if (replaying == null)
                reportDuplicates();
        } finally {
            if (definitions != null)
                definitions.close();
        }
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
            // Blank nodes get labels fixed by the file's name, so two builds give identical dumps.
            UUID seed = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
            RDFParser.source(file).labelToNode(LabelToNode.createScopeByDocumentHash(seed))
                    .errorHandler(new CollectingErrorHandler(problems, "ontology.syntax", name)).parse(toGraph);
        } catch (RiotException e) {
            // The error handler has recorded the problem with its line.
        }
    }

    private void readTable(Project.Table table, Consumer<Quad> sink) {
        String tableName = project.display(table.csv());
        Mapping mapping = Mapping.parse(table.mapping(), project.display(table.mapping()), project.base(), problems);
        new CsvTable(table.csv(), tableName).read(problems, header -> {
            if (mapping == null || !columnsMatch(tableName, header, mapping))
                return null;
            Node tableGraph = project.tableGraph(table.name());
            RowMapper mapper = new RowMapper(mapping, tableName, tableGraph, project.data());
            return row -> {
                long rowId = ++rowsRead;
                mapper.map(row, problems, quad -> {
                    boolean typing = quad.getPredicate().equals(RDF.Nodes.type);
                    // In a table's own graph, rows from different sources may type the same node.
                    boolean defining = typing && !quad.getGraph().equals(tableGraph);
                    if (replaying != null)
                        replaying.quad(quad, typing, defining, rowId, tableName, row.line());
                    else if (defining)
                        definitions.define(rowId, quad.getGraph(), quad.getSubject());
                    sink.accept(quad);
                });
                listener.row();
            };
        });
    }

    /**
     * Two rows that give the same node a type in the same source's graph are one fact written twice.
     * Reported once the tables are read: when some were, a second pass over the tables finds which rows.
     */
    private void reportDuplicates() {
        Set<Long> repeated = definitions.repeated();
        if (repeated.isEmpty())
            return;
        RepeatFinder finder = new RepeatFinder(repeated);
        replay(finder);
        for (Duplicate duplicate : finder.found) {
            Origins.Location earlier = duplicate.earlier();
            problems.add(Problem.at(duplicate.file(), duplicate.line(), "<" + project.relative(duplicate.subject())
                    + "> is already defined at " + earlier.file() + ":" + earlier.line() + " for the same source").withRule("row.duplicate")
                    .withValue(duplicate.subject().getURI())
                    .withHint("give each row its own id; a second source's claim goes under that source"));
        }
    }

    /** A row that defines a node another row of the same source already defined, at {@code earlier}. */
    private record Duplicate(Node subject, String file, long line, Origins.Location earlier) {}

    /** Finds the rows that define a (graph, node) pair among those that {@link Definitions} saw repeated. */
    private static final class RepeatFinder implements Replay {
        private final Set<Long> repeated;
        private final Map<Long, Long> lastRow = new HashMap<>();
        private final Map<Long, Origins.Location> first = new HashMap<>();
        private final List<Duplicate> found = new ArrayList<>();

        RepeatFinder(Set<Long> repeated) {
            this.repeated = repeated;
        }

        @Override
        public void quad(Quad quad, boolean typing, boolean defining, long row, String file, long line) {
            if (!defining)
                return;
            long key = Definitions.digest(quad.getGraph(), quad.getSubject());
            if (!repeated.contains(key))
                return;
            Long previous = lastRow.put(key, row);
            // The same row may type its node twice; every later row is a repeat.
            if (previous == null)
                first.put(key, new Origins.Location(file, line));
            else if (previous != row)
                found.add(new Duplicate(quad.getSubject(), file, line, first.get(key)));
        }
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
                    + mapping.displayName() + " binds itself").withRule("columns.clash").withCell(column, null)
                    .withHint("rename the BIND variable in the mapping, e.g. ?" + column + "Iri"));
        for (String column : missing)
            problems.add(Problem.at(tableName, 1, "missing column '" + column + "', which " + mapping.displayName() + " reads")
                    .withRule("columns.missing").withCell(column, null));
        for (String column : unknown)
            problems.add(Problem.at(tableName, 1, "unknown column '" + column + "': "
                    + mapping.displayName() + " does not read it").withRule("columns.unknown").withCell(column, null)
                    .withHint("fix the header, or use ?" + column + " in the mapping"));
        return missing.isEmpty() && unknown.isEmpty() && clashing.isEmpty();
    }
}
