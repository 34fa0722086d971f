package org.meridian.export.network;

import java.util.regex.Pattern;

/**
 * Keeps spreadsheet programs from running a CSV cell as a formula (CSV injection): a cell that
 * begins with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, which
 * spreadsheets show as text. A cell that is just a number ({@code -12.5}) is left alone so that
 * amounts stay numbers.
 */
public final class SpreadsheetSafe {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private SpreadsheetSafe() {}

    public static String cell(String value) {
        if (value.isEmpty() || NUMBER.matcher(value).matches())
            return value;
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
