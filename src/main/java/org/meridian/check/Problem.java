package org.meridian.check;

/**
 * One thing wrong with the input, located at a file and line, printed as
 * {@code path:line: error: message} with an optional {@code hint:} line.
 */
public record Problem(String file, long line, String message, String hint) {

    public static Problem at(String file, long line, String message) {
        return new Problem(file, line, message, null);
    }

    public Problem withHint(String newHint) {
        return new Problem(file, line, message, newHint);
    }

    /** The text users see; a line of 0 means the problem is about the file as a whole. */
    public String format() {
        String where = line > 0 ? file + ":" + line : file;
        String text = where + ": error: " + message;
        return hint == null ? text : text + System.lineSeparator() + "hint: " + hint;
    }
}
