package org.meridian.export;

/**
 * An export could not be made for a reason the user can fix; the message is ready to print
 * ({@code path:line: error: ...} where a file is to blame) and may end with a {@code hint:} line.
 */
public final class ExportException extends Exception {
    public ExportException(String message) {
        super(message);
    }
}
