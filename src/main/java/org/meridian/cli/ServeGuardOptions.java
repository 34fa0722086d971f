package org.meridian.cli;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.guard.CuratorAccess;
import org.meridian.serve.guard.Limits;

/**
 * The {@code serve} options for the public endpoint's limits and the optional curator write
 * access, and how they become {@link MeridianServer.Settings}.
 */
final class ServeGuardOptions {
    private final Map<String, String> environment;

    ServeGuardOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    static Options add(Options options) {
        return options
                .addOption(option("query-timeout", "SECONDS", "stop any query after this long (default: "
                        + Limits.DEFAULT_QUERY_TIMEOUT.toSeconds() + "); clients may ask for less, never more"))
                .addOption(option("max-rows", "N", "answer at most N rows or triples per query, marking cut answers (default: "
                        + Limits.DEFAULT_MAX_ROWS + ")"))
                .addOption(option("max-body", "BYTES", "refuse request bodies larger than this with 413 (default: "
                        + Limits.DEFAULT_MAX_BODY_BYTES + ")"))
                .addOption(option("max-header", "BYTES", "refuse request lines and heads larger than this with 414/431 (default: "
                        + Limits.DEFAULT_MAX_HEADER_BYTES + ")"))
                .addOption(option("cors-origins", "LIST", "comma-separated origins allowed to read from other sites, '*' for any,"
                        + " 'none' for no CORS (default: *)"))
                .addOption(option("update-user", "NAME", "enable SPARQL Update for this curator on 127.0.0.1 only, with HTTP Basic"
                        + " authentication (needs --update-password-file or --update-password-env)"))
                .addOption(option("update-password-file", "FILE", "the curator's password: the first line of FILE"))
                .addOption(option("update-password-env", "VAR", "the curator's password: the environment variable VAR"))
                .addOption(option("update-port", "PORT", "the loopback port of the curators' update endpoint (default: "
                        + CuratorAccess.DEFAULT_PORT + ")"));
    }

    private static Option option(String name, String argument, String description) {
        return Option.builder().longOpt(name).hasArg().argName(argument).desc(description).get();
    }

    MeridianServer.Settings settings(CommandLine line, String host, int port, List<String> federate) throws CommandException {
        Limits limits = new Limits(timeout(line), (int) number(line, "max-rows", Limits.DEFAULT_MAX_ROWS, 1, Integer.MAX_VALUE),
                number(line, "max-body", Limits.DEFAULT_MAX_BODY_BYTES, 1, Long.MAX_VALUE),
                (int) number(line, "max-header", Limits.DEFAULT_MAX_HEADER_BYTES, 4096, Integer.MAX_VALUE));
        return new MeridianServer.Settings(host, port, federate, limits, corsOrigins(line), curator(line));
    }

    private static Duration timeout(CommandLine line) throws CommandException {
        String text = line.getOptionValue("query-timeout");
        if (text == null)
            return Limits.DEFAULT_QUERY_TIMEOUT;
        try {
            long millis = new BigDecimal(text).movePointRight(3).longValueExact();
            if (millis > 0)
                return Duration.ofMillis(millis);
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw CommandException.usage("--query-timeout must be a positive number of seconds (such as 5 or 0.5), not '" + text + "'");
    }

    private static long number(CommandLine line, String name, long fallback, long min, long max) throws CommandException {
        String text = line.getOptionValue(name);
        if (text == null)
            return fallback;
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max)
                return value;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw CommandException.usage("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
    }

    private static List<String> corsOrigins(CommandLine line) throws CommandException {
        String text = line.getOptionValue("cors-origins", "*").trim();
        if (text.equals("none"))
            return List.of();
        List<String> origins = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String origin : origins)
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+"))
                throw CommandException.usage("--cors-origins: '" + origin + "' is not an origin such as https://app.example.org");
        if (origins.isEmpty())
            throw CommandException.usage("--cors-origins needs origins, '*' or 'none'");
        return origins;
    }

    private Optional<CuratorAccess> curator(CommandLine line) throws CommandException {
        String user = line.getOptionValue("update-user");
        boolean file = line.hasOption("update-password-file");
        boolean env = line.hasOption("update-password-env");
        if (user == null) {
            if (file || env || line.hasOption("update-port"))
                throw CommandException.usage("the --update-password-* and --update-port options need --update-user");
            return Optional.empty();
        }
        if (file == env)
            throw CommandException.usage("--update-user needs exactly one of --update-password-file and --update-password-env");
        String password = file ? passwordFromFile(Path.of(line.getOptionValue("update-password-file")))
                : passwordFromEnvironment(line.getOptionValue("update-password-env"));
        int port = (int) number(line, "update-port", CuratorAccess.DEFAULT_PORT, 0, 65535);
        try {
            return Optional.of(new CuratorAccess(user, password, port));
        } catch (IllegalArgumentException e) {
            throw CommandException.usage(e.getMessage());
        }
    }

    private static String passwordFromFile(Path file) throws CommandException {
        try {
            String first = Files.readAllLines(file, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            if (first.isEmpty())
                throw CommandException.usage("--update-password-file " + file + ": the first line (the password) is empty");
            return first;
        } catch (IOException e) {
            throw CommandException.usage("--update-password-file " + file + ": cannot read it (" + e.getMessage() + ")");
        }
    }

    private String passwordFromEnvironment(String variable) throws CommandException {
        String value = environment.get(variable);
        if (value == null || value.isEmpty())
            throw CommandException.usage("--update-password-env " + variable + ": that environment variable is not set or empty");
        return value;
    }
}
