package org.meridian.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One subcommand of {@code meridian}: its name, options and behaviour. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The arguments after the options, for the usage line, e.g. {@code "[NAME]"}. */
    default String arguments() {
        return "";
    }

    Options options();

    /**
     * Runs the command.
     * @return the exit code: {@link ExitCode#OK}, {@link ExitCode#DATA} or {@link ExitCode#USAGE}
     * @throws CommandException when the arguments make no sense
     */
    int run(CommandLine line, Console console) throws CommandException;
}
