package org.meridian.linked;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.serve.LiveBuild;

/**
 * The linked-data side of the server: entity IRIs ({@code /id/...}) and the ontology document
 * dereference by content negotiation, {@code /.well-known/void} describes the dataset, and a
 * GET on the SPARQL endpoint without a query returns its service description.
 */
public final class LinkedDataSite {
    private final LiveBuild live;
    private final String base;
    private final Supplier<PrefixMapping> prefixes;
    private final PageQueries pages;
    private final DatasetDescription description;
    private final List<String> documents;

    private LinkedDataSite(LiveBuild live, String base, Supplier<PrefixMapping> prefixes, PageQueries pages,
                           DatasetDescription description, List<String> documents) {
        this.live = live;
        this.base = base;
        this.prefixes = prefixes;
        this.pages = pages;
        this.description = description;
        this.documents = documents;
    }

    /**
     * Prepares the site for a project's database.
     * @param federated whether SERVICE may call allow-listed endpoints (the service description says so)
     * @return the site, or null when the project's page queries have problems (added to {@code problems})
     */
    public static LinkedDataSite open(Project project, LiveBuild live, boolean federated, Problems problems) {
        PageQueries pages = PageQueries.load(project, problems);
        if (!problems.isEmpty())
            return null;
        return new LinkedDataSite(live, project.base(), once(() -> prefixes(project)), pages,
                new DatasetDescription(live, project.base(), federated),
                live.read(dataset -> ontologyDocuments(dataset, project.base())));
    }

    /** Adds the site's servlets and filter to a server being built. */
    public void install(FusekiServer.Builder builder, String datasetName) {
        builder.addServlet("/id/*", new ResourceServlet(live, base, prefixes, pages, false));
        for (String document : documents)
            builder.addServlet("/" + document, new ResourceServlet(live, base, prefixes, pages, true));
        builder.addServlet("/" + DatasetDescription.PATH, new DescriptionServlet(description));
        builder.addFilter("/" + datasetName + "/sparql", new ServiceDescriptionFilter(description));
    }

    /**
     * The paths of the ontology documents under the base: their terms are hash IRIs, so a GET on
     * the document answers for all of them. An ontology outside the base cannot be served here.
     */
    private static List<String> ontologyDocuments(DatasetGraph dataset, String base) {
        List<String> paths = new ArrayList<>();
        Txn.executeRead(dataset, () -> dataset.find(Node.ANY, Node.ANY, RDF.Nodes.type, OWL.Ontology.asNode())
                .forEachRemaining(q -> {
                    Node subject = q.getSubject();
                    if (!subject.isURI() || !subject.getURI().startsWith(base))
                        return;
                    String path = subject.getURI().substring(base.length());
                    if (path.matches("[A-Za-z0-9._~/-]+") && !path.startsWith("id/") && !paths.contains(path))
                        paths.add(path);
                }));
        return paths;
    }

    /**
     * The value, computed at the first call. The prefixes are read at the first page that shows them:
     * parsing the ontology files took a fifth of a second of the start-up to the first SPARQL answer,
     * which does not use them.
     */
    private static <T> Supplier<T> once(Supplier<T> compute) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null)
                    value = compute.get();
                return value;
            }
        };
    }

    /** The prefixes the ontology files declare, for brief names in pages and Turtle. */
    private static PrefixMapping prefixes(Project project) {
        PrefixMapping prefixes = PrefixMapping.Factory.create().setNsPrefixes(PrefixMapping.Standard);
        for (Path file : project.ontologyFiles()) {
            try {
                RDFParser.source(file).parse(new StreamRDFBase() {
                    @Override
                    public void prefix(String prefix, String iri) {
                        prefixes.setNsPrefix(prefix, iri);
                    }
                });
            } catch (RiotException e) {
                // The database was built from these files, so they parse; a change since is not our concern here.
            }
        }
        return prefixes;
    }
}
