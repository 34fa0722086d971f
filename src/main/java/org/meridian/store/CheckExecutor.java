package org.meridian.store;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpQuadPattern;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterConvert;
import org.apache.jena.sparql.engine.iterator.QueryIterFilterExpr;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.iterator.QueryIterRepeatApply;
import org.apache.jena.sparql.engine.iterator.QueryIterSingleton;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.util.Symbol;
import org.apache.jena.tdb2.solver.BindingNodeId;
import org.apache.jena.tdb2.solver.BindingTDB;
import org.apache.jena.tdb2.solver.OpExecutorTDB2;
import org.apache.jena.tdb2.solver.QC2;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;

/**
 * TDB2's query executor for the checks, with two differences that change what it costs, never what
 * it answers.
 * <p>
 * Terms are decoded through a {@link NodeReader}: a term missing from TDB2's cache is copied from the
 * node file mapped into memory instead of read with a seek and a read per field of its encoding. The
 * lint check that evidence is verbatim decodes a million literals at 10M triples, most of them not
 * cached: 38 CPU-s through TDB2's node table, 21 through the reader when it read the file with one
 * read per term.
 * <p>
 * {@code SELECT DISTINCT ?x WHERE { one pattern }} (with, at most, a filter on {@code ?x} alone) is
 * answered by scanning an index that sorts by {@code ?x} after the pattern's constants, and comparing
 * node ids: each distinct term is decoded once, by whatever reads it next. ARQ's own {@code DISTINCT}
 * decodes the term of every match to hash it. At 10M triples, 2.1 million distinct values among 10
 * million, the check for dangling references took 29–63 s that way and 15–40 s with the scan; the
 * two scans of the check for undeclared terms 8–11 s against 1–2 s. Answers are the same: in TDB2 a
 * term has one id (values stored in the id itself are stored in their canonical form, as any answer
 * gives them), and a filter on the projected variable alone keeps the same terms before or after the
 * duplicates are dropped. Any other form of query, a pattern in a named graph, a variable used twice,
 * a filter on other variables, or bindings coming in from an enclosing pattern, goes to TDB2's
 * executor unchanged.
 */
public final class CheckExecutor extends OpExecutorTDB2 {
    /** Give this to a query's context as {@code ARQConstants.sysOpExecutorFactory}. */
    public static final OpExecutorFactory FACTORY = factory(index -> {});
    private static final Symbol READER = Symbol.create("meridian:nodeReader");

    private final Consumer<String> scanned;

    private CheckExecutor(ExecutionContext context, Consumer<String> scanned) {
        super(context);
        this.scanned = scanned;
    }

    /** A factory whose executors tell {@code scanned} the name of each index they scan. */
    static OpExecutorFactory factory(Consumer<String> scanned) {
        return context -> new CheckExecutor(context, scanned);
    }

    @Override
    protected QueryIterator execute(OpDistinct distinct, QueryIterator input) {
        Plan plan = plan(distinct);
        if (plan == null)
            return super.execute(distinct, input);
        return new QueryIterRepeatApply(input, execCxt) {
            @Override
            protected QueryIterator nextStage(Binding outer) {
                // A binding from an enclosing pattern that fixes one of the pattern's variables
                // is a different pattern: TDB2's executor answers it.
                for (Var var : plan.vars())
                    if (outer.contains(var))
                        return CheckExecutor.super.execute(distinct, QueryIterSingleton.create(outer, execCxt));
                scanned.accept(plan.index().getName());
                QueryIterator answers = QueryIterPlainWrapper.create(plan.bindings(outer), execCxt);
                for (Expr expr : plan.filter())
                    answers = new QueryIterFilterExpr(answers, expr, execCxt);
                return answers;
            }
        };
    }

    /**
     * A pattern's matches as TDB2 finds them, with their terms decoded through a {@link NodeReader}
     * shared by the whole execution (one thread). Patterns that TDB2 matches together with a filter
     * (a filter right over a pattern) keep TDB2's own decoding.
     */
    @Override
    protected QueryIterator execute(OpQuadPattern quadPattern, QueryIterator input) {
        QueryIterator matches = super.execute(quadPattern, input);
        if (!(execCxt.getDataset() instanceof DatasetGraphTDB dataset))
            return matches;
        NodeReader reader = reader(dataset);
        return new QueryIterConvert(matches, row -> row instanceof BindingTDB ids ? new BindingTDB(ids.getBindingId(), reader) : row, execCxt);
    }

    private NodeReader reader(DatasetGraphTDB dataset) {
        NodeReader reader = (NodeReader) execCxt.getContext().get(READER);
        if (reader == null) {
            reader = NodeReader.of(dataset);
            execCxt.getContext().set(READER, reader);
        }
        return reader;
    }

    /** The scan that answers {@code distinct}, or null where TDB2's executor must answer it. */
    private Plan plan(OpDistinct distinct) {
        if (!(distinct.getSubOp() instanceof OpProject project) || project.getVars().size() != 1
                || QC2.getFilter(execCxt.getContext()) != null
                || !(execCxt.getDataset() instanceof DatasetGraphTDB dataset))
            return null;
        Var var = project.getVars().get(0);
        Op inner = project.getSubOp();
        ExprList filter = new ExprList();
        if (inner instanceof OpFilter opFilter) {
            if (!Set.of(var).containsAll(opFilter.getExprs().getVarsMentioned()))
                return null;
            filter = opFilter.getExprs();
            inner = opFilter.getSubOp();
        }
        if (!(inner instanceof OpQuadPattern quads) || quads.getPattern().size() != 1)
            return null;
        Quad quad = quads.getPattern().get(0);
        Node graph = decideGraphNode(quad.getGraph(), execCxt);
        if (graph == null)
            return Plan.of(dataset.getTripleTable().getNodeTupleTable(), "SPO",
                    List.of(quad.getSubject(), quad.getPredicate(), quad.getObject()), var, filter, reader(dataset));
        if (graph == Node.ANY) // the union of the named graphs: any graph
            return Plan.of(dataset.getQuadTable().getNodeTupleTable(), "GSPO",
                    List.of(Node.ANY, quad.getSubject(), quad.getPredicate(), quad.getObject()), var, filter, reader(dataset));
        return null;
    }

    /**
     * A scan of {@code index}, whose order leads with the pattern's constants and then the projected
     * variable, at {@code column} of the tuples it returns, for the tuples matching {@code pattern}.
     */
    private record Plan(TupleIndex index, Tuple<NodeId> pattern, Var var, int column, NodeTable nodes, ExprList filter,
                        Set<Var> vars) {
        /**
         * @param columns the letters of the table's primary order, as TDB2 names its indexes
         * @param terms the pattern's term in each column of that order ({@code ANY} or a variable where it is open)
         * @param nodes the node table that decodes what the scan finds
         */
        static Plan of(NodeTupleTable table, String columns, List<Node> terms, Var var, ExprList filter, NodeTable nodes) {
            NodeId[] ids = new NodeId[terms.size()];
            Set<Var> vars = new HashSet<>(filter.getVarsMentioned());
            StringBuilder constants = new StringBuilder();
            for (int i = 0; i < terms.size(); i++) {
                Node term = terms.get(i);
                if (Var.isVar(term) && terms.indexOf(term) != terms.lastIndexOf(term))
                    return null; // a variable used twice: the scan would have to compare the columns
                if (term == Node.ANY || Var.isVar(term)) {
                    ids[i] = NodeId.NodeIdAny;
                    if (Var.isVar(term))
                        vars.add(Var.alloc(term));
                } else if (term.isConcrete()) {
                    ids[i] = table.getNodeTable().getNodeIdForNode(term);
                    constants.append(columns.charAt(i));
                } else {
                    return null;
                }
            }
            int column = terms.indexOf(var);
            if (column < 0)
                return null;
            String wanted = sorted(constants) + columns.charAt(column);
            for (TupleIndex index : table.getTupleTable().getIndexes()) {
                String order = index.getName();
                if (order.length() == columns.length()
                        && (sorted(order.substring(0, constants.length())) + order.charAt(constants.length())).equals(wanted))
                    return new Plan(index, TupleFactory.create(ids), var, column, nodes, filter, vars);
            }
            return null;
        }

        private static String sorted(CharSequence letters) {
            char[] chars = letters.toString().toCharArray();
            Arrays.sort(chars);
            return new String(chars);
        }

        /** The distinct terms, each as a binding of the variable under {@code parent}, not yet decoded. */
        Iterator<Binding> bindings(Binding parent) {
            Iterator<Tuple<NodeId>> tuples = absent() ? Collections.emptyIterator() : index.find(pattern);
            return new Iterator<>() {
                private NodeId last;
                private NodeId next;

                @Override
                public boolean hasNext() {
                    // The index sorts by the constants, then by the variable: equal ids come together.
                    while (next == null && tuples.hasNext()) {
                        NodeId id = tuples.next().get(column);
                        if (!id.equals(last))
                            next = last = id;
                    }
                    return next != null;
                }

                @Override
                public Binding next() {
                    if (!hasNext())
                        throw new NoSuchElementException();
                    BindingNodeId ids = new BindingNodeId(parent);
                    ids.put(var, next);
                    next = null;
                    return new BindingTDB(ids, nodes);
                }
            };
        }

        /** True when a constant of the pattern is in no triple of the database. */
        private boolean absent() {
            for (int i = 0; i < pattern.len(); i++)
                if (NodeId.isDoesNotExist(pattern.get(i)))
                    return true;
            return false;
        }
    }
}
