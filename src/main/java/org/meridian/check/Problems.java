package org.meridian.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of a run, so users see them all at once. */
public final class Problems {
    private final List<Problem> list = new ArrayList<>();

    public void add(Problem problem) {
        list.add(problem);
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
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Problems in file then line order, which is the order an editor walks them. */
    public List<Problem> sorted() {
        return list.stream()
                .sorted(Comparator.comparing(Problem::file).thenComparingLong(Problem::line))
                .toList();
    }

    public void print(PrintStream err) {
        sorted().forEach(p -> err.println(p.format()));
    }
}
