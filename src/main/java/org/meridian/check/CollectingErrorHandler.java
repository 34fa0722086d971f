package org.meridian.check;

import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;

/**
 * A Jena parser's error handler that records each error as a problem at its file and line, so the
 * user sees them all; a fatal error is recorded too, then ends the parse. Warnings are not problems.
 */
public final class CollectingErrorHandler implements ErrorHandler {
    private final Problems problems;
    private final String rule;
    private final String file;

    /** @param rule the rule the problems break (see {@link Problem#withRule}), or null for none */
    public CollectingErrorHandler(Problems problems, String rule, String file) {
        this.problems = problems;
        this.rule = rule;
        this.file = file;
    }

    @Override
    public void warning(String message, long line, long col) {}

    @Override
    public void error(String message, long line, long col) {
        // Jena reports -1 when it knows no line.
        problems.add(rule, file, Math.max(line, 0), message);
    }

    @Override
    public void fatal(String message, long line, long col) {
        error(message, line, col);
        throw new RiotException(message);
    }
}
