package org.meridian.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.query.QueryParseException;

/**
 * Reads a SPARQL syntax error. Jena's exception carries the position of the last good token,
 * while its message names the offending one; users need the latter.
 */
public final class QueryErrors {
    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

    private QueryErrors() {}

    /** The line of the offending token (1-based), or 0 if unknown. */
    public static long line(QueryParseException e) {
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(1)) : Math.max(e.getLine(), 0);
    }

    /** The column of the offending token (1-based), or 0 if unknown. */
    public static long column(QueryParseException e) {
        Matcher m = POSITION.matcher(String.valueOf(e.getMessage()));
        return m.find() ? Long.parseLong(m.group(2)) : Math.max(e.getColumn(), 0);
    }

    /** The message on one line. */
    public static String message(QueryParseException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").strip();
    }
}
