package org.meridian.cli;

/** The exit codes every command uses. */
public final class ExitCode {
    public static final int OK = 0;
    /** The data, ontology or a query has problems; they were reported. */
    public static final int DATA = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;

    private ExitCode() {}
}
