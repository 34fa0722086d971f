package org.meridian.serve.guard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.jena.atlas.io.IO;
import org.apache.jena.fuseki.Fuseki;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQLProtocol;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecResult;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.exec.RowSetStream;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.web.HttpSC;

/**
 * Fuseki's SPARQL query service with Meridian's limits: standard SPARQL 1.1 only (Jena's
 * extensions include counting property paths that ignore timeouts), no scripting or
 * {@code java:} functions, every execution watched by the {@link QueryWatchdog}, and at most
 * {@code maxRows} rows (SELECT) or triples (CONSTRUCT, DESCRIBE) per answer.
 * <p>
 * Answers are collected in full before anything is sent, so a timeout always becomes a clean
 * 503 instead of a cut-off body, and a cut at the row limit is announced in the
 * {@value #TRUNCATED} header before the (valid, complete) document.
 */
public final class GuardedQueryService extends SPARQL_QueryDataset {
    /** Response header: the row limit in force, on every query answer. */
    public static final String LIMIT = "Meridian-Result-Limit";
    /** Response header: {@code true} when the answer stopped at the row limit. */
    public static final String TRUNCATED = "Meridian-Result-Truncated";

    private final int maxRows;
    private final QueryWatchdog watchdog;

    public GuardedQueryService(int maxRows, QueryWatchdog watchdog) {
        this.maxRows = maxRows;
        this.watchdog = watchdog;
    }

    @Override
    protected void execute(String queryString, HttpAction action) {
        if (queryString != null && !queryString.isBlank()) {
            try {
                QueryFactory.create(queryString, Fuseki.BaseParserSPARQL, Syntax.syntaxSPARQL_11);
            } catch (QueryParseException e) {
                ServletOps.errorBadRequest("this endpoint accepts standard SPARQL 1.1 only: "
                        + SPARQLProtocol.messageForParseException(e));
            }
        }
        super.execute(queryString, action);
    }

    @Override
    protected void executeBody(HttpAction action) {
        String queryString = null;
        try {
            queryString = IO.readWholeFileAsUTF8(action.getRequestInputStream());
        } catch (IOException | RuntimeException e) {
            if (TooLarge.causedBy(e))
                ServletOps.error(HttpSC.PAYLOAD_TOO_LARGE_413, TooLarge.MESSAGE);
            ServletOps.errorBadRequest("could not read the query: " + e.getMessage());
        }
        execute(queryString, action);
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        FunctionPolicy.refusal(query).ifPresent(ServletOps::errorBadRequest);
    }

    @Override
    protected QueryExecResult executeQuery(HttpAction action, QueryExec exec, Query query, String queryLog) {
        try (QueryWatchdog.Watch watch = watchdog.watch(exec, queryLog)) {
            if (query.isSelectType())
                return select(action, exec.select());
            if (query.isConstructType())
                return construct(action, exec.constructQuads());
            if (query.isDescribeType())
                return describe(action, exec.describeTriples());
            return super.executeQuery(action, exec, query, queryLog);
        }
    }

    private QueryExecResult select(HttpAction action, RowSet rows) {
        List<Binding> kept = new ArrayList<>();
        while (kept.size() < maxRows && rows.hasNext())
            kept.add(rows.next());
        announce(action, rows.hasNext());
        return new QueryExecResult(RowSetStream.create(rows.getResultVars(), kept.iterator()));
    }

    private QueryExecResult construct(HttpAction action, Iterator<Quad> quads) {
        DatasetGraph result = DatasetGraphFactory.create();
        long count = 0;
        boolean truncated = false;
        while (quads.hasNext()) {
            Quad quad = quads.next();
            if (result.contains(quad))
                continue;
            if (count == maxRows) {
                truncated = true;
                break;
            }
            result.add(quad);
            count++;
        }
        announce(action, truncated);
        return new QueryExecResult(result);
    }

    private QueryExecResult describe(HttpAction action, Iterator<Triple> triples) {
        Graph result = GraphFactory.createDefaultGraph();
        boolean truncated = false;
        while (triples.hasNext()) {
            Triple triple = triples.next();
            if (result.contains(triple))
                continue;
            if (result.size() == maxRows) {
                truncated = true;
                break;
            }
            result.add(triple);
        }
        announce(action, truncated);
        return new QueryExecResult(result);
    }

    private void announce(HttpAction action, boolean truncated) {
        action.setResponseHeader(LIMIT, Integer.toString(maxRows));
        if (truncated)
            action.setResponseHeader(TRUNCATED, "true");
    }
}
