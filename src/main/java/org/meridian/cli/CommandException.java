package org.meridian.cli;

/** Stops a command with a message for the user and the exit code that goes with it. */
final class CommandException extends Exception {
    private final int exitCode;

    private CommandException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    /** The command line was wrong. */
    static CommandException usage(String message) {
        return new CommandException(message, ExitCode.USAGE);
    }

    /** The command was right but could not do its work. */
    static CommandException failure(String message) {
        return new CommandException(message, ExitCode.DATA);
    }

    int exitCode() {
        return exitCode;
    }
}
