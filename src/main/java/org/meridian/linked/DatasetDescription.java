package org.meridian.linked;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.meridian.serve.LiveBuild;

/**
 * The description of the dataset, as served and as a dump carries it: VoID (counts, classes,
 * properties, named graphs, examples, one linkset per external target) computed from the database
 * itself, joined with the SPARQL 1.1 Service Description of the endpoint. A server computes the
 * statistics once per build, on first use: a build never changes, and a rebuild replaces it. The
 * SPARQL that builds both is in this package's resources, {@code dataset-statistics.rq} and
 * {@code service.rq}.
 */
public final class DatasetDescription {
    /** Where the description is served, relative to the server root (RFC 8615, VoID section 7). */
    public static final String PATH = ".well-known/void";

    private final LiveBuild live;
    private final String base;
    private final boolean federated;
    private final Query statisticsQuery = load("dataset-statistics.rq");
    private final Query serviceQuery = load("service.rq");
    private Graph statistics;
    private String statisticsOf;

    /**
     * @param base      the IRI base: the dataset's IRI and its entities' IRIs are minted under it
     * @param federated whether SERVICE may call allow-listed endpoints
     */
    public DatasetDescription(LiveBuild live, String base, boolean federated) {
        this.live = live;
        this.base = base;
        this.federated = federated;
    }

    /** A description of datasets handed to {@link #describe(DatasetGraph, String)}, such as a dump's. */
    public DatasetDescription(String base, boolean federated) {
        this(null, base, federated);
    }

    /** The dataset's IRI: stable, under the base, whatever host serves it. */
    public Node datasetIri() {
        return NodeFactory.createURI(base + PATH + "#meridian");
    }

    /**
     * The whole description of the served build, as served from {@code root}.
     * @param root the URL of this server's root, ending in "/": where its endpoint and dumps are
     */
    public Graph describe(String root) {
        return describe(statistics(), root);
    }

    /**
     * The whole description of {@code dataset} (inside the caller's read transaction), as if served
     * from {@code root}; its statistics are computed afresh.
     */
    public Graph describe(DatasetGraph dataset, String root) {
        return describe(statistics(dataset), root);
    }

    private Graph describe(Graph statistics, String root) {
        Graph graph = GraphFactory.createDefaultGraph();
        statistics.find().forEachRemaining(graph::add);
        Node endpoint = NodeFactory.createURI(root + "meridian/sparql");
        try (QueryExec exec = QueryExec.dataset(DatasetGraphFactory.empty()).query(serviceQuery)
                .substitution("dataset", datasetIri())
                .substitution("endpoint", endpoint)
                .substitution("root", NodeFactory.createLiteralString(root))
                .substitution("federated", NodeFactory.createLiteralDT(Boolean.toString(federated), XSDDatatype.XSDboolean))
                .build()) {
            exec.construct(graph);
        }
        graph.getPrefixMapping().setNsPrefix("void", "http://rdfs.org/ns/void#")
                .setNsPrefix("sd", "http://www.w3.org/ns/sparql-service-description#")
                .setNsPrefix("formats", "http://www.w3.org/ns/formats/")
                .setNsPrefix("dct", "http://purl.org/dc/terms/");
        return graph;
    }

    /** Counted once per build: the served build only changes on rebuild. */
    private synchronized Graph statistics() {
        if (live == null)
            throw new IllegalStateException("no served build to describe; describe(dataset, root) takes one");
        String served = live.current().buildId();
        if (statistics == null || !served.equals(statisticsOf)) {
            statistics = live.read(dataset -> Txn.calculateRead(dataset, () -> statistics(dataset)));
            statisticsOf = served;
        }
        return statistics;
    }

    private Graph statistics(DatasetGraph dataset) {
        return QueryExec.dataset(dataset).query(statisticsQuery)
                .substitution("dataset", datasetIri())
                .substitution("idSpace", NodeFactory.createLiteralString(base + "id/"))
                .construct();
    }

    private static Query load(String name) {
        try (InputStream in = DatasetDescription.class.getResourceAsStream(name)) {
            if (in == null)
                throw new IllegalStateException("missing resource " + name);
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
