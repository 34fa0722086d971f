package org.meridian.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.tdb2.store.nodetable.NodeTableCache;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code DISTINCT} of one variable of one pattern, answered by scanning an index, gives exactly
 * the answers of TDB2's own executor; every other query is left to TDB2's executor.
 */
class CheckExecutorTest {
    private static final String DATA = """
            PREFIX : <http://example.org/>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            :g1 { :a a :Person ; :knows :b , :c , _:x ; :age 42 ; :name "Ann" , "Ann"@en ; :same :a .
                  :b a :Person ; :knows :a ; :count "01"^^xsd:integer ; :name "Bob" .
                  _:x :name "anonymous" ; :knows :nowhere . }
            :g2 { :a a :Person ; :knows :b ; :name "Ann" .
                  :c a :Place ; :count "1"^^xsd:integer ; :label "Ann" ; :same :c . }
            :default :only :here ; :count 7 .
            """;

    private DatasetGraph dataset;

    @BeforeEach
    void load(@TempDir Path folder) {
        dataset = DatabaseMgr.connectDatasetGraph(Location.create(folder));
        Txn.executeWrite(dataset, () -> RDFParser.fromString(DATA, Lang.TRIG).parse(dataset));
    }

    @AfterEach
    void release() {
        TDBInternal.expel(dataset, true);
    }

    @ParameterizedTest(name = "{0} (union {1}) scans {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            SELECT DISTINCT ?o WHERE { ?s ?p ?o }                                        | true  | OSPG
            SELECT DISTINCT ?o WHERE { ?s ?p ?o }                                        | false | OSP
            SELECT DISTINCT ?p WHERE { ?s ?p ?o }                                        | true  | POSG
            SELECT DISTINCT ?c WHERE { ?s a ?c }                                         | true  | POSG
            SELECT DISTINCT ?s WHERE { ?s :name "Ann" }                                  | true  | POSG
            SELECT DISTINCT ?s WHERE { ?s ?p :b }                                        | true  | OSPG
            SELECT DISTINCT ?s WHERE { ?s ?p :here }                                     | false | OSP
            SELECT DISTINCT ?o WHERE { :a ?p ?o }                                        | true  | -
            SELECT DISTINCT ?o WHERE { ?s :nothing ?o }                                  | true  | POSG
            SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER (isIRI(?o)) }                     | true  | OSPG
            SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { ?o a ?type } }       | true  | -
            SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER NOT EXISTS { ?o a :Person } }     | true  | OSPG
            SELECT DISTINCT ?o WHERE { ?s ?p ?o FILTER (?s != :a) }                      | true  | -
            SELECT DISTINCT ?o WHERE { ?s :knows ?o . ?o a ?t }                          | true  | -
            SELECT DISTINCT ?x WHERE { ?x ?p ?x }                                        | true  | -
            SELECT DISTINCT ?o WHERE { GRAPH :g1 { ?s ?p ?o } }                          | true  | -
            SELECT DISTINCT ?s ?o WHERE { ?s :knows ?o }                                 | true  | -
            SELECT (COUNT(*) AS ?n) WHERE { { SELECT DISTINCT ?c WHERE { ?x a ?c } } ?s a ?c } | true | POSG
            SELECT * WHERE { ?s :knows ?o { SELECT DISTINCT ?o WHERE { ?x ?p ?o } } }   | true  | -
            SELECT * WHERE { { SELECT DISTINCT ?c WHERE { ?x a ?c } } UNION { SELECT DISTINCT ?c WHERE { ?x :count ?c } } } | true | POSG POSG
            """)
    void answersAsTdbDoes(String select, boolean union, String scans) {
        String query = "PREFIX : <http://example.org/>\n" + select;
        List<String> scanned = new ArrayList<>();
        List<String> expected = answers(QueryExec.dataset(dataset).query(query), union);
        List<String> actual = answers(QueryExec.dataset(dataset).query(query)
                .set(ARQConstants.sysOpExecutorFactory, CheckExecutor.factory(scanned::add)), union);
        assertFalse(expected.isEmpty() && !select.contains(":nothing"), "the case has answers to compare");
        assertEquals(expected, actual);
        assertEquals(scans == null ? "" : scans, String.join(" ", scanned));
    }

    @Test
    void matchesAreDecodedByTheNodeReaderNotTdb2sNodeTable(@TempDir Path folder) {
        Location location = Location.create(folder);
        DatasetGraph fresh = DatabaseMgr.connectDatasetGraph(location);
        Txn.executeWrite(fresh, () -> {
            StringBuilder trig = new StringBuilder("PREFIX : <http://example.org/>\n:g {\n");
            for (int i = 0; i < 3000; i++) // more terms than TDB2 caches at a commit
                trig.append(":s").append(i).append(" :name \"evidence ").append(i).append("\" .\n");
            RDFParser.fromString(trig.append("}").toString(), Lang.TRIG).parse(fresh);
        });
        TDBInternal.expel(fresh, true);
        DatasetGraph cold = DatabaseMgr.connectDatasetGraph(location);
        String query = "SELECT ?s ?o WHERE { ?s <http://example.org/name> ?o }";
        NodeTableCache cache = NodeReader.layer(TDBInternal.getDatasetGraphTDB(cold).getQuadTable().getNodeTupleTable().getNodeTable(),
                NodeTableCache.class);
        List<String> ours = Txn.calculateRead(cold, () -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(cold).query(query).set(TDB2.symUnionDefaultGraph, true)
                    .set(ARQConstants.sysOpExecutorFactory, CheckExecutor.FACTORY).build()) {
                exec.select().forEachRemaining((Binding row) -> {
                    rows.add(text(row));
                    // TDB2's node table caches what it decodes, both ways
                    assertFalse(cache.isCachedNode(row.get(Var.alloc("o"))), "TDB2's node table decoded " + row);
                });
            }
            rows.sort(null);
            return rows;
        });
        List<String> tdb2 = Txn.calculateRead(cold, () -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(cold).query(query).set(TDB2.symUnionDefaultGraph, true).build()) {
                exec.select().forEachRemaining((Binding row) -> rows.add(text(row)));
            }
            rows.sort(null);
            return rows;
        });
        assertEquals(3000, ours.size());
        assertEquals(tdb2, ours);
        TDBInternal.expel(cold, true);
    }

    /** The rows, sorted, each as its bindings' text; duplicates stay. */
    private List<String> answers(QueryExecBuilder builder, boolean union) {
        return Txn.calculateRead(dataset, () -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec exec = builder.set(TDB2.symUnionDefaultGraph, union).build()) {
                exec.select().forEachRemaining((Binding row) -> rows.add(text(row)));
            }
            rows.sort(null);
            return rows;
        });
    }

    private static String text(Binding row) {
        StringBuilder text = new StringBuilder();
        row.vars().forEachRemaining(var -> text.append(var).append('=').append(row.get(var)).append(' '));
        return text.toString();
    }
}
