package org.meridian.export.release;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.RiotParseException;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.meridian.export.ExportException;

/**
 * The triples added and removed between two versions of the dataset, per named graph. Both sides
 * are canonical N-Quads (a dump's, or the database's made the same way), so a blank node that did
 * not change compares equal, and the comparison is a merge of two sorted streams.
 */
public final class DatasetDiff {
    /** How many triples changed, in how many graphs. */
    public record Summary(long added, long removed, long graphs) {
        public boolean same() {
            return added == 0 && removed == 0;
        }
    }

    private static final Pattern POSITION = Pattern.compile("\\[line: (\\d+), col: (\\d+) *\\] *(.*)", Pattern.DOTALL);

    private DatasetDiff() {}

    /** Reads a dump: its folder (holding {@value ReleaseDump#NQUADS}) or an N-Quads file, gzip or not. */
    public static SortedQuads readDump(Path path) throws ExportException {
        Path file = Files.isDirectory(path) ? path.resolve(ReleaseDump.NQUADS) : path;
        if (!Files.isRegularFile(file))
            throw new ExportException(path + ": error: not a dump: expected a folder holding " + ReleaseDump.NQUADS
                    + " or an N-Quads file (.nq, .nq.gz)");
        SortedQuads sorted = new SortedQuads();
        try {
            CanonicalRdf.read(file, new StreamRDFBase() {
                @Override
                public void triple(Triple triple) {
                    sorted.add(Quad.create(Quad.defaultGraphIRI, triple));
                }

                @Override
                public void quad(Quad quad) {
                    sorted.add(quad);
                }
            });
        } catch (RiotException e) {
            sorted.close();
            throw new ExportException(located(file, e));
        }
        return sorted;
    }

    /** Jena's parse errors say {@code [line: 3, col: 47] message}; users read {@code file:3:47: error: message}. */
    private static String located(Path file, RiotException e) {
        if (e instanceof RiotParseException parse)
            return file + ":" + parse.getLine() + ":" + parse.getCol() + ": error: " + parse.getOriginalMessage();
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        return m.matches() ? file + ":" + m.group(1) + ":" + m.group(2) + ": error: " + m.group(3)
                : file + ": error: " + e.getMessage();
    }

    /** Writes each changed graph's header, then {@code - } and {@code + } lines, to {@code out}. */
    public static Summary compare(SortedQuads before, SortedQuads after, PrintStream out) {
        Iterator<SortedQuads.Entry> old = before.entries();
        Iterator<SortedQuads.Entry> now = after.entries();
        SortedQuads.Entry a = next(old);
        SortedQuads.Entry b = next(now);
        long added = 0, removed = 0, graphs = 0;
        String graph = null;
        while (a != null || b != null) {
            int order = a == null ? 1 : b == null ? -1 : key(a).compareTo(key(b));
            SortedQuads.Entry change = order < 0 ? a : b;
            if (order == 0) {
                a = next(old);
                b = next(now);
                continue;
            }
            if (!change.graph().equals(graph)) {
                graph = change.graph();
                graphs++;
                out.println("graph " + (graph.isEmpty() ? "(default)" : graph));
            }
            out.println((order < 0 ? "- " : "+ ") + change.triple());
            if (order < 0) {
                removed++;
                a = next(old);
            } else {
                added++;
                b = next(now);
            }
        }
        return new Summary(added, removed, graphs);
    }

    private static String key(SortedQuads.Entry entry) {
        return entry.graph() + " " + entry.line();
    }

    private static SortedQuads.Entry next(Iterator<SortedQuads.Entry> it) {
        return it.hasNext() ? it.next() : null;
    }
}
