package org.meridian.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/** The {@code meridian} command line: picks the subcommand, parses its options, maps failures to exit codes. */
public final class Cli {
    private final Console console;
    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Cli(PrintStream out, PrintStream err) {
        this.console = new Console(out, err);
        for (Command command : new Command[] {
                new LoadCommand(), new ValidateCommand(), new ServeCommand(), new QueryCommand(),
                new LinkCommand(), new ExportCommand(), new DumpCommand(), new DiffCommand(), new GenerateCommand()})
            commands.put(command.name(), command);
    }

    /** Runs {@code meridian ARGS} and returns its exit code. */
    public int run(String... args) {
        if (args.length == 0) {
            printOverview(console.err());
            return ExitCode.USAGE;
        }
        if (args[0].equals("-h") || args[0].equals("--help") || args[0].equals("help")) {
            printOverview(console.out());
            return ExitCode.OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            console.err().println("meridian: error: unknown command '" + args[0] + "'");
            printOverview(console.err());
            return ExitCode.USAGE;
        }
        return run(command, Arrays.copyOfRange(args, 1, args.length));
    }

    private int run(Command command, String[] args) {
        CommandLine line;
        try {
            line = DefaultParser.builder().get().parse(command.options(), args);
        } catch (ParseException e) {
            console.err().println("meridian " + command.name() + ": error: " + e.getMessage());
            console.err().println("hint: meridian " + command.name() + " --help lists its options");
            return ExitCode.USAGE;
        }
        if (line.hasOption("help")) {
            printHelp(command, console.out());
            return ExitCode.OK;
        }
        if (!command.arguments().contains("[") && line.getArgs().length > 0) {
            console.err().println("meridian " + command.name() + ": error: unexpected argument '" + line.getArgs()[0] + "'");
            return ExitCode.USAGE;
        }
        try {
            return command.run(line, console);
        } catch (CommandException e) {
            console.err().println(e.getMessage().contains(": error: ")
                    ? e.getMessage()
                    : "meridian " + command.name() + ": error: " + e.getMessage());
            return e.exitCode();
        }
    }

    private void printOverview(PrintStream stream) {
        stream.println("usage: meridian COMMAND [OPTIONS]");
        stream.println();
        stream.println("Meridian builds a knowledge graph from curated tables and serves it over SPARQL.");
        stream.println();
        stream.println("commands:");
        commands.values().forEach(c -> stream.printf("  %-9s %s%n", c.name(), c.summary()));
        stream.println();
        stream.println("'meridian COMMAND --help' shows a command's options.");
    }

    private static void printHelp(Command command, PrintStream stream) {
        Options options = command.options();
        HelpFormatter formatter = HelpFormatter.builder()
                .setHelpAppendable(new TextHelpAppendable(stream))
                .setShowSince(false)
                .get();
        String syntax = "meridian " + command.name() + " [OPTIONS]"
                + (command.arguments().isEmpty() ? "" : " " + command.arguments());
        try {
            formatter.printHelp(syntax, command.summary(), options, "", false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
