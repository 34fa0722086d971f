package org.meridian.graph;

import java.util.HashSet;
import java.util.Set;

import org.apache.jena.graph.Graph;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.meridian.check.LintCheck;
import org.meridian.check.Problem;
import org.meridian.check.Problems;
import org.meridian.check.ShapeCheck;

/**
 * Builds a project into a dataset and checks it, in one write transaction that commits only
 * when there is no problem at all. A failed build leaves the dataset as it was.
 */
public final class Pipeline {
    private Pipeline() {}

    /** What a build produced: its problems (empty when it committed) and the quads it stored. */
    public record Outcome(Problems problems, long quads) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Outcome build(Project project, DatasetGraph target) {
        target.begin(TxnType.WRITE);
        boolean committed = false;
        try {
            GraphBuilder builder = new GraphBuilder(project);
            builder.build(target::add);
            Problems problems = builder.problems();
            Problems checks = shapes(project, target, builder);
            checks.addAll(lintCheck(project).check(target));
            checks.locate(builder.origins());
            problems.addAll(withoutRepeats(problems, checks));
            if (!problems.isEmpty())
                return new Outcome(problems, 0);
            long quads = target.stream().count();
            target.commit();
            committed = true;
            return new Outcome(problems, quads);
        } finally {
            if (!committed)
                target.abort();
            target.end();
        }
    }

    /**
     * The SHACL shapes of the built ontology graph, run over what {@code builder} built; the
     * problems still need {@link Problems#locate} with the builder's origins.
     */
    public static Problems shapes(Project project, DatasetGraph dataset, GraphBuilder builder) {
        return shapeCheck(project, dataset, builder).check(dataset);
    }

    /** The SHACL shapes of the built ontology graph, ready to check in parts (inside a transaction). */
    public static ShapeCheck shapeCheck(Project project, DatasetGraph dataset, GraphBuilder builder) {
        Graph ontology = dataset.getGraph(project.ontologyGraph());
        return new ShapeCheck(ontology, builder.prefixes(), project.base());
    }

    /** The project's lint checks; their problems still need {@link Problems#locate}. */
    public static LintCheck lintCheck(Project project) {
        return new LintCheck(project.checks(), project::display);
    }

    /**
     * A row that could not be mapped usually also breaks a shape; report the row once, by its
     * mapping problem, which names the cause.
     */
    public static Problems withoutRepeats(Problems mapping, Problems shapes) {
        Set<String> reported = new HashSet<>();
        mapping.sorted().forEach(p -> reported.add(p.file() + ":" + p.line()));
        Problems kept = new Problems();
        for (Problem p : shapes.sorted())
            if (!reported.contains(p.file() + ":" + p.line()))
                kept.add(p);
        return kept;
    }
}
