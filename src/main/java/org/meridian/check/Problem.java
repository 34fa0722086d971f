package org.meridian.check;

/**
 * One thing wrong with the input, located at a file and line, printed as
 * {@code path:line: error: message} with an optional {@code hint:} line. For the machine-readable
 * report it may also name the column, the offending value and the rule it breaks.
 */
public record Problem(String file, long line, String column, String value, String rule, String message, String hint) {

    public static Problem at(String file, long line, String message) {
        return new Problem(file, line, null, null, null, message, null);
    }

    /** The same problem at another place. */
    public Problem movedTo(String newFile, long newLine) {
        return new Problem(newFile, newLine, column, value, rule, message, hint);
    }

    public Problem withHint(String newHint) {
        return new Problem(file, line, column, value, rule, message, newHint);
    }

    /** The rule broken, as a short stable name such as {@code csv.ragged-row}. */
    public Problem withRule(String newRule) {
        return new Problem(file, line, column, value, newRule, message, hint);
    }

    /** The column and the cell value at fault. */
    public Problem withCell(String newColumn, String newValue) {
        return new Problem(file, line, newColumn, newValue, rule, message, hint);
    }

    /** The value at fault, when no single column holds it. */
    public Problem withValue(String newValue) {
        return new Problem(file, line, column, newValue, rule, message, hint);
    }

    /** The text users see; a line of 0 means the problem is about the file as a whole. */
    public String format() {
        String where = line > 0 ? file + ":" + line : file;
        String text = where + ": error: " + message;
        return hint == null ? text : text + System.lineSeparator() + "hint: " + hint;
    }
}
