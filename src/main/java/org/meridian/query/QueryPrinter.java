package org.meridian.query;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.Query;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.meridian.export.RdfFormat;

/** Runs a query and writes its answer in a chosen format: a table for people, or a standard format. */
public final class QueryPrinter {
    /** Formats for SELECT and ASK answers. */
    public static final List<String> RESULT_FORMATS = List.of("table", "csv", "tsv", "json", "xml");
    /** Formats for CONSTRUCT and DESCRIBE answers: every RDF syntax; the first is the default. */
    public static final List<String> GRAPH_FORMATS = RdfFormat.ids();
    /** Formats for a CONSTRUCT whose template names graphs: only those that can say which graph. */
    public static final List<String> QUAD_FORMATS = List.of(RdfFormat.TRIG.id(), RdfFormat.NQUADS.id(), RdfFormat.JSONLD.id());

    private static final Map<String, Lang> RESULT_LANGS = Map.of(
            "csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV,
            "json", ResultSetLang.RS_JSON, "xml", ResultSetLang.RS_XML);

    private final Query query;
    private final String format;

    private QueryPrinter(Query query, String format) {
        this.query = query;
        this.format = format;
    }

    /** The formats that fit a query: results for SELECT and ASK, RDF for the others, quads for GRAPH templates. */
    public static List<String> formatsFor(Query query) {
        if (query.isSelectType() || query.isAskType())
            return RESULT_FORMATS;
        return query.isConstructQuad() ? QUAD_FORMATS : GRAPH_FORMATS;
    }

    /**
     * @param format a format name, or null for the default of the query's kind
     * @return a printer, or null when the format does not fit the kind of query
     */
    public static QueryPrinter forQuery(Query query, String format) {
        List<String> allowed = formatsFor(query);
        String chosen = format == null ? allowed.get(0) : format;
        return allowed.contains(chosen) ? new QueryPrinter(query, chosen) : null;
    }

    /** Runs the query on {@code dataset} (inside the caller's read transaction) and writes the answer. */
    public void print(DatasetGraph dataset, OutputStream out) {
        try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
            if (query.isSelectType())
                printRows(exec.select(), out);
            else if (query.isAskType())
                printBoolean(exec.ask(), out);
            else
                printRdf(exec, RdfFormat.byId(format).orElseThrow(), out);
        }
    }

    private void printRdf(QueryExec exec, RdfFormat rdf, OutputStream out) {
        if (!rdf.quads()) {
            RDFDataMgr.write(out, query.isConstructType() ? exec.construct() : exec.describe(), rdf.lang());
            return;
        }
        DatasetGraph answer = query.isConstructType() ? exec.constructDataset() : DatasetGraphFactory.wrap(exec.describe());
        answer.prefixes().putAll(query.getPrefixMapping().getNsPrefixMap());
        RDFDataMgr.write(out, answer, rdf.lang());
    }

    private void printRows(RowSet rows, OutputStream out) {
        if (format.equals("table"))
            ResultSetFormatter.out(out, ResultSet.adapt(rows), query.getPrologue());
        else
            ResultSetMgr.write(out, ResultSet.adapt(rows), RESULT_LANGS.get(format));
    }

    private void printBoolean(boolean answer, OutputStream out) {
        if (format.equals("table"))
            ResultSetFormatter.out(out, answer);
        else
            ResultSetMgr.write(out, answer, RESULT_LANGS.get(format));
    }
}
