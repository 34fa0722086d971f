package org.meridian.serve.guard;

import java.time.Duration;

/**
 * The resource limits of the public endpoint: how long a query may run, how many rows (or
 * triples) one answer may hold, and how large a request body and request head may be.
 */
public record Limits(Duration queryTimeout, int maxRows, long maxBodyBytes, int maxHeaderBytes) {
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);
    public static final int DEFAULT_MAX_ROWS = 10_000;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
    public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

    public Limits {
        if (queryTimeout.isNegative() || queryTimeout.isZero())
            throw new IllegalArgumentException("the query timeout must be positive: " + queryTimeout);
        if (maxRows < 1)
            throw new IllegalArgumentException("the row limit must be at least 1: " + maxRows);
        if (maxBodyBytes < 1)
            throw new IllegalArgumentException("the body limit must be at least 1 byte: " + maxBodyBytes);
        // Below a few KiB ordinary browsers (cookies, user agent) would be refused.
        if (maxHeaderBytes < 4096)
            throw new IllegalArgumentException("the header limit must be at least 4096 bytes: " + maxHeaderBytes);
    }

    /** The defaults: 5 s per query, 10,000 rows, 1 MiB bodies, 64 KiB request heads (URL included). */
    public static Limits defaults() {
        return new Limits(DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_ROWS, DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_HEADER_BYTES);
    }

    /** The same limits with another query timeout. */
    public Limits withQueryTimeout(Duration timeout) {
        return new Limits(timeout, maxRows, maxBodyBytes, maxHeaderBytes);
    }
}
