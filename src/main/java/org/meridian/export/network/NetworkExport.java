package org.meridian.export.network;

import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.meridian.export.ExportException;
import org.meridian.graph.Project;

/**
 * The network export for graph tools: relations become edges between the resources they connect, as
 * the project's {@code queries/network/*.rq} say, written as GraphML or an edge-list CSV.
 */
public final class NetworkExport {
    /** The format names the command line accepts. */
    public static final List<String> FORMATS = List.of("graphml", "csv");

    private final Project project;

    public NetworkExport(Project project) {
        this.project = project;
    }

    /**
     * Builds the network of the whole database, or of one named graph (with the ontology beside it),
     * inside the caller's read transaction.
     */
    private Network network(DatasetGraph dataset, Optional<Node> graph) throws ExportException {
        if (graph.isPresent() && !dataset.containsGraph(graph.get()))
            throw new ExportException("no named graph <" + graph.get().getURI() + "> in the database");
        List<EdgeQuery> queries = EdgeQuery.load(project);
        // One source's network still needs the ontology: queries use its class hierarchy and labels.
        DatasetGraph scope = graph.map(g -> DatasetGraphFactory.wrap(
                new Union(dataset.getGraph(g), dataset.getGraph(project.ontologyGraph())))).orElse(dataset);
        return NetworkBuilder.build(scope, queries);
    }

    public void write(DatasetGraph dataset, Optional<Node> graph, String format, OutputStream out) throws ExportException {
        Network network = network(dataset, graph);
        switch (format) {
            case "graphml" -> GraphMlWriter.write(network, out);
            case "csv" -> EdgeListCsv.write(network, out);
            default -> throw new IllegalArgumentException("not a network format: " + format);
        }
    }
}
