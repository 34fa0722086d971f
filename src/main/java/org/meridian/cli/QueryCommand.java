package org.meridian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.meridian.check.QueryErrors;
import org.meridian.graph.Project;
import org.meridian.query.QueryCatalog;
import org.meridian.query.QueryPrinter;

/** {@code meridian query}: runs a named query, a query file or query text against the database. */
final class QueryCommand implements Command {
    @Override
    public String name() {
        return "query";
    }

    @Override
    public String summary() {
        return "run a named query from queries/, a query file, or query text, and print the answer";
    }

    @Override
    public String arguments() {
        return "[NAME]";
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options()
                .addOption(Option.builder("f").longOpt("file").hasArg().argName("FILE")
                        .desc("run the query in FILE").get())
                .addOption(Option.builder("q").longOpt("query").hasArg().argName("TEXT")
                        .desc("run the query TEXT").get())
                .addOption(Option.builder("l").longOpt("list").desc("list the named queries of queries/ with their titles").get())
                .addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                        .desc("for SELECT and ASK: " + String.join(", ", QueryPrinter.RESULT_FORMATS)
                                + " (default: table); for CONSTRUCT and DESCRIBE: "
                                + String.join(", ", QueryPrinter.GRAPH_FORMATS)
                                + " (default: turtle; trig when the template names graphs)").get()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        Project project = Settings.project(line);
        if (line.hasOption("list")) {
            for (QueryCatalog.NamedQuery named : QueryCatalog.read(project.queries()).queries())
                console.out().printf("%-28s %s%n", named.name(), named.title());
            return ExitCode.OK;
        }
        Query query = parse(source(line, project));
        String format = line.getOptionValue("format");
        QueryPrinter printer = QueryPrinter.forQuery(query, format);
        if (printer == null)
            throw CommandException.usage("--format " + format + " does not fit a " + query.queryType()
                    + (query.isConstructQuad() ? " query whose template names graphs" : " query")
                    + "; use one of " + String.join(", ", QueryPrinter.formatsFor(query)));

        if (!CurrentDatabase.read(line, project, console, dataset -> printer.print(dataset, console.out())))
            return ExitCode.DATA;
        console.out().flush();
        return ExitCode.OK;
    }

    /** The query's text and a name for messages. */
    private record Source(String name, String text) {}

    private static Source source(CommandLine line, Project project) throws CommandException {
        String[] names = line.getArgs();
        int given = names.length + (line.hasOption("file") ? 1 : 0) + (line.hasOption("query") ? 1 : 0);
        if (given != 1)
            throw CommandException.usage("give exactly one query: a NAME from queries/, --file FILE or --query TEXT");
        if (line.hasOption("query"))
            return new Source("--query", line.getOptionValue("query"));
        Path file = line.hasOption("file")
                ? Path.of(line.getOptionValue("file"))
                : project.queries().resolve(names[0] + ".rq");
        if (!Files.isRegularFile(file))
            throw CommandException.usage(line.hasOption("file")
                    ? "no such query file: " + file
                    : "no query named '" + names[0] + "': expected " + project.display(file));
        try {
            return new Source(project.display(file), Files.readString(file));
        } catch (IOException e) {
            throw CommandException.failure("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Query parse(Source source) throws CommandException {
        try {
            return QueryFactory.create(source.text(), Syntax.syntaxARQ);
        } catch (QueryParseException e) {
            long line = QueryErrors.line(e);
            String where = line > 0 ? source.name() + ":" + line + ":" + QueryErrors.column(e) : source.name();
            throw CommandException.failure(where + ": error: " + QueryErrors.message(e));
        }
    }
}
