package org.meridian.linked;

import static org.owasp.encoder.Encode.forHtml;
import static org.owasp.encoder.Encode.forHtmlAttribute;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;

/**
 * The HTML page for a resource: its label and types, every statement from it and to it with
 * links to follow, the named graph (and so the source) each statement comes from, and the
 * evidence behind each fact. Every piece of text from the data is HTML-encoded where it is
 * written; the page carries no script.
 */
final class ResourcePage {
    private final ResourceDescription description;
    private final NodeView view;
    private final Map<Node, Node> sourceOfGraph;
    private final List<PageQueries.Evidence> evidence;
    private final StringBuilder html = new StringBuilder();

    ResourcePage(ResourceDescription description, NodeView view, Map<Node, Node> sourceOfGraph,
                 List<PageQueries.Evidence> evidence) {
        this.description = description;
        this.view = view;
        this.sourceOfGraph = sourceOfGraph;
        this.evidence = evidence;
    }

    String render() {
        Node resource = description.resource();
        String title = view.name(resource);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(forHtml(title)).append(" · Meridian</title>\n");
        for (Representation form : Representation.RDF_FORMS)
            html.append("<link rel=\"alternate\" type=\"").append(form.mediaType()).append("\" href=\"?format=")
                    .append(form.name()).append("\">\n");
        html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");
        html.append("<nav><a href=\"/\">Meridian</a> · <a href=\"/.well-known/void\">dataset description</a> · as ");
        for (Representation form : Representation.RDF_FORMS)
            html.append("<a class=\"format\" href=\"?format=").append(form.name()).append("\">").append(form.name()).append("</a> ");
        html.append("</nav>\n<main>\n");
        for (Node member : description.members())
            section(member, member.equals(resource));
        if (!evidence.isEmpty())
            evidenceSection();
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void section(Node member, boolean main) {
        String fragment = main ? "" : member.getURI().substring(member.getURI().indexOf('#') + 1);
        html.append("<section class=\"resource\"").append(main ? "" : " id=\"" + forHtmlAttribute(fragment) + "\"").append(">\n");
        String heading = main ? "h1" : "h2";
        html.append('<').append(heading).append('>').append(forHtml(view.name(member))).append("</").append(heading).append(">\n");
        html.append("<p class=\"iri\"><code>").append(forHtml(member.getURI())).append("</code></p>\n");
        types(member);
        List<Quad> outgoing = description.outgoing().stream().filter(q -> q.getSubject().equals(member)).toList();
        if (!outgoing.isEmpty()) {
            html.append("<h3>Statements</h3>\n<table class=\"outgoing\">\n<tr><th>property</th><th>value</th><th>from</th></tr>\n");
            for (Quad quad : outgoing)
                row(quad.getPredicate(), quad.getObject(), quad.getGraph());
            html.append("</table>\n");
        }
        List<Quad> incoming = description.incoming().stream().filter(q -> q.getObject().equals(member)).toList();
        if (!incoming.isEmpty()) {
            html.append("<h3>Referred to by</h3>\n<table class=\"incoming\">\n<tr><th>subject</th><th>property</th><th>from</th></tr>\n");
            for (Quad quad : incoming) {
                html.append("<tr><td>");
                value(quad.getSubject(), new HashSet<>());
                html.append("</td><td>");
                link(quad.getPredicate());
                html.append("</td><td>");
                graph(quad.getGraph());
                html.append("</td></tr>\n");
            }
            html.append("</table>\n");
            if (main && description.incomingTruncated())
                html.append("<p class=\"note\">Only the first ").append(ResourceDescription.MAX_INCOMING)
                        .append(" statements that refer to it are shown; the SPARQL endpoint has them all.</p>\n");
        }
        html.append("</section>\n");
    }

    private void types(Node member) {
        List<Node> types = description.outgoing().stream()
                .filter(q -> q.getSubject().equals(member) && q.getPredicate().equals(RDF.Nodes.type))
                .map(Quad::getObject).distinct().toList();
        if (types.isEmpty())
            return;
        html.append("<p class=\"types\">");
        for (int i = 0; i < types.size(); i++) {
            html.append(i == 0 ? "" : ", ");
            link(types.get(i));
        }
        html.append("</p>\n");
    }

    private void row(Node predicate, Node object, Node graph) {
        html.append("<tr><td>");
        link(predicate);
        html.append("</td><td>");
        value(object, new HashSet<>());
        html.append("</td><td>");
        graph(graph);
        html.append("</td></tr>\n");
    }

    /** A value: a link, a literal with its language or datatype, or a blank node's own statements. */
    private void value(Node node, Set<Node> open) {
        if (node.isURI()) {
            link(node);
        } else if (node.isLiteral()) {
            html.append("<span class=\"literal\">").append(forHtml(node.getLiteralLexicalForm())).append("</span>");
            String annotation = view.annotation(node);
            if (!annotation.isEmpty())
                html.append(" <small>").append(forHtml(annotation)).append("</small>");
        } else if (node.isBlank() && open.add(node)) {
            html.append("<ul class=\"blank\">");
            for (Quad quad : description.outgoing()) {
                if (!quad.getSubject().equals(node))
                    continue;
                html.append("<li>");
                link(quad.getPredicate());
                html.append(" ");
                value(quad.getObject(), open);
                html.append("</li>");
            }
            html.append("</ul>");
        } else {
            html.append(forHtml(view.name(node)));
        }
    }

    private void link(Node node) {
        String href = view.href(node);
        String name = forHtml(view.name(node));
        if (href == null) {
            html.append(name);
            return;
        }
        html.append("<a href=\"").append(forHtmlAttribute(href)).append("\" title=\"")
                .append(forHtmlAttribute(node.getURI())).append("\">").append(name).append("</a>");
    }

    /** The named graph a statement lives in, shown as the source whose facts it holds when there is one. */
    private void graph(Node graph) {
        Node source = sourceOfGraph.get(graph);
        String graphName = forHtml(view.shortName(graph));
        html.append("<span class=\"graph\" data-graph=\"").append(forHtmlAttribute(graph.getURI())).append("\">");
        if (source != null) {
            link(source);
            html.append(" <small>").append(graphName).append("</small>");
        } else {
            html.append(graphName);
        }
        html.append("</span>");
    }

    private void evidenceSection() {
        html.append("<section id=\"evidence\">\n<h2>Sources and evidence</h2>\n<table class=\"evidence\">\n")
                .append("<tr><th>fact</th><th>source</th><th>evidence</th></tr>\n");
        for (PageQueries.Evidence item : evidence) {
            html.append("<tr><td>");
            link(item.fact());
            html.append("</td><td>");
            if (item.source() != null)
                link(item.source());
            else
                graph(item.graph());
            html.append("</td><td><blockquote>").append(forHtml(item.words() == null ? "" : view.name(item.words())))
                    .append("</blockquote></td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0;color:#222;line-height:1.4}
            nav{background:#1d3557;color:#fff;padding:.5em 1em}nav a{color:#fff}
            main{max-width:75em;margin:0 auto;padding:1em}
            .iri code{color:#555;word-break:break-all}
            table{border-collapse:collapse;width:100%;margin-bottom:1.5em}
            th,td{border-bottom:1px solid #ddd;padding:.3em .5em;text-align:left;vertical-align:top}
            th{background:#f1f4f8}small{color:#666}.graph small{display:block}
            blockquote{margin:0;font-style:italic}blockquote::before{content:"“"}blockquote::after{content:"”"}
            ul.blank{margin:0;padding-left:1.2em}section.resource{margin-bottom:2em}.note{color:#666}
            """;
}
