package org.meridian.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.meridian.graph.Origins;

/**
 * Collects every problem of a run, so users see them all at once. A problem about a node of the
 * graph waits to be placed at the table line that defines the node, which {@link #locate} finds
 * for all of them together.
 */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();
    private final List<Unplaced> unplaced = new ArrayList<>();

    /** A problem about {@code focus}, and where it is reported if no table describes the node. */
    private record Unplaced(Node focus, Problem fallback) {}

    public void add(Problem problem) {
        list.add(problem);
    }

    /**
     * Adds a problem about {@code focus}, to be placed by {@link #locate} at the line that defines
     * it; until then, and if no line does, it stays where {@code fallback} says.
     */
    public void add(Node focus, Problem fallback) {
        unplaced.add(new Unplaced(focus, fallback));
    }

    /** Places the problems about nodes at the lines that define them, with one pass over the tables for all. */
    public void locate(Origins origins) {
        if (unplaced.isEmpty())
            return;
        Set<Node> nodes = unplaced.stream().map(Unplaced::focus).collect(Collectors.toSet());
        Map<Node, Origins.Location> where = origins.locate(nodes);
        for (Unplaced problem : unplaced) {
            Origins.Location location = where.get(problem.focus());
            list.add(location == null ? problem.fallback() : problem.fallback().movedTo(location.file(), location.line()));
        }
        unplaced.clear();
    }

    public void add(String file, long line, String message) {
        add(Problem.at(file, line, message));
    }

    /** Adds a problem that breaks the named rule (see {@link Problem#withRule}). */
    public void add(String rule, String file, long line, String message) {
        add(Problem.at(file, line, message).withRule(rule));
    }

    public void addAll(Problems other) {
        list.addAll(other.list);
        unplaced.addAll(other.unplaced);
    }

    public boolean isEmpty() {
        return list.isEmpty() && unplaced.isEmpty();
    }

    public int size() {
        return list.size() + unplaced.size();
    }

    /** Problems in file then line order, which is the order an editor walks them. */
    public List<Problem> sorted() {
        return Stream.concat(list.stream(), unplaced.stream().map(Unplaced::fallback))
                .sorted(Comparator.comparing(Problem::file).thenComparingLong(Problem::line))
                .toList();
    }

    public void print(PrintStream err) {
        sorted().forEach(p -> err.println(p.format()));
    }
}
