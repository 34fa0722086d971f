package org.meridian.serve.guard;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.iterator.QueryIterPath;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.graph.GraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * TDB2's query executor, except that property paths read the data through a graph that
 * checks the query's cancel signal on every lookup. Jena 5.6 evaluates a path such as
 * {@code (p|^p)*} from one start node in a single call that never looks at the signal, so on
 * a large, well-connected graph a timed-out query went on for seconds per start node.
 */
final class CancellablePaths extends OpExecutorTDB2 {
    private static final OpExecutorFactory FACTORY = CancellablePaths::new;

    private CancellablePaths(ExecutionContext execCxt) {
        super(execCxt);
    }

    /** Makes queries on the TDB2 dataset with this context use cancellable paths. */
    static void install(Context datasetContext) {
        QC.setFactory(datasetContext, FACTORY);
    }

    @Override
    protected QueryIterator execute(OpPath opPath, QueryIterator input) {
        AtomicBoolean cancel = Context.getCancelSignal(execCxt.getContext());
        if (cancel == null)
            return super.execute(opPath, input);
        ExecutionContext checked = new ExecutionContext(execCxt, new CheckedGraph(execCxt.getActiveGraph(), cancel));
        return new QueryIterPath(opPath.getTriplePath(), input, checked);
    }

    /** A read-through view that refuses lookups once the query has been cancelled. */
    private static final class CheckedGraph extends GraphWrapper {
        private final AtomicBoolean cancel;

        CheckedGraph(Graph graph, AtomicBoolean cancel) {
            super(graph);
            this.cancel = cancel;
        }

        private void check() {
            if (cancel.get())
                throw new QueryCancelledException();
        }

        @Override
        public ExtendedIterator<Triple> find(Triple triple) {
            check();
            return super.find(triple);
        }

        @Override
        public ExtendedIterator<Triple> find(Node s, Node p, Node o) {
            check();
            return super.find(s, p, o);
        }

        @Override
        public boolean contains(Node s, Node p, Node o) {
            check();
            return super.contains(s, p, o);
        }

        @Override
        public boolean contains(Triple t) {
            check();
            return super.contains(t);
        }
    }
}
