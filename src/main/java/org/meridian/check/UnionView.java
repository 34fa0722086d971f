package org.meridian.check;

import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.meridian.store.CheckExecutor;

/** Queries over a dataset whose default graph is the union of its named graphs, which stay visible by name. */
final class UnionView {
    private UnionView() {}

    /**
     * A query builder over that view. On TDB2 the query runs on the database itself, told to take
     * the union as its default graph, so TDB2 matches patterns on its indexes with node ids and
     * decodes only what the query returns; a general view of the union would decode every term. A
     * {@code SELECT DISTINCT} of the terms in one position of a pattern, the checks' scans of every
     * value, compares node ids in an index and decodes each distinct term once, and terms missing from
     * TDB2's cache are read with one read of the node file each ({@link CheckExecutor}).
     */
    static QueryExecBuilder query(DatasetGraph dataset) {
        if (TDBInternal.isTDB2(dataset))
            return QueryExec.dataset(dataset).set(TDB2.symUnionDefaultGraph, true)
                    .set(ARQConstants.sysOpExecutorFactory, CheckExecutor.FACTORY);
        return QueryExec.dataset(of(dataset));
    }

    private static DatasetGraph of(DatasetGraph dataset) {
        DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
        dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
        return view;
    }
}
