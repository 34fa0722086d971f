package org.meridian.check;

import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/** A view of a dataset whose default graph is the union of its named graphs, which stay visible by name. */
final class UnionView {
    private UnionView() {}

    static DatasetGraph of(DatasetGraph dataset) {
        DatasetGraph view = DatasetGraphFactory.createGeneral(dataset.getUnionGraph());
        dataset.listGraphNodes().forEachRemaining(name -> view.addGraph(name, dataset.getGraph(name)));
        return view;
    }
}
