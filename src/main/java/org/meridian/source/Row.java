package org.meridian.source;

import java.util.Map;

/**
 * One data record of a curated table: its 1-based record number, the file line it starts on,
 * and its non-empty cells by column name (an empty cell is simply absent).
 */
public record Row(long number, long line, Map<String, String> cells) {}
