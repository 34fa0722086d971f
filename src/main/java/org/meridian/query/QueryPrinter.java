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
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;

/** Runs a query and writes its answer in a chosen format: a table for people, or a standard format. */
public final class QueryPrinter {
    /** Formats for SELECT and ASK answers. */
    public static final List<String> RESULT_FORMATS = List.of("table", "csv", "tsv", "json", "xml");
    /** Formats for CONSTRUCT and DESCRIBE answers. */
    public static final List<String> GRAPH_FORMATS = List.of("turtle", "ntriples", "jsonld", "rdfxml");

    private static final Map<String, Lang> RESULT_LANGS = Map.of(
            "csv", ResultSetLang.RS_CSV, "tsv", ResultSetLang.RS_TSV,
            "json", ResultSetLang.RS_JSON, "xml", ResultSetLang.RS_XML);
    private static final Map<String, Lang> GRAPH_LANGS = Map.of(
            "turtle", Lang.TURTLE, "ntriples", Lang.NTRIPLES, "jsonld", Lang.JSONLD, "rdfxml", Lang.RDFXML);

    private final Query query;
    private final String format;

    private QueryPrinter(Query query, String format) {
        this.query = query;
        this.format = format;
    }

    /**
     * @param format a format name, or null for the default of the query's kind
     * @return a printer, or null when the format does not fit the kind of query
     */
    public static QueryPrinter forQuery(Query query, String format) {
        boolean results = query.isSelectType() || query.isAskType();
        List<String> allowed = results ? RESULT_FORMATS : GRAPH_FORMATS;
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
                RDFDataMgr.write(out, query.isConstructType() ? exec.construct() : exec.describe(), GRAPH_LANGS.get(format));
        }
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
