package org.meridian.cli;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.meridian.export.ExportException;
import org.meridian.export.release.CanonicalRdf;
import org.meridian.export.release.DatasetDiff;
import org.meridian.export.release.SortedQuads;
import org.meridian.graph.Project;

/** {@code meridian diff OLD [NEW]}: the triples added and removed, per named graph, between two dumps or a dump and the database. */
final class DiffCommand implements Command {
    @Override
    public String name() {
        return "diff";
    }

    @Override
    public String summary() {
        return "list triples added and removed per named graph between two dumps, or a dump and the database";
    }

    @Override
    public String arguments() {
        return "OLD [NEW]";
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options());
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        String[] args = line.getArgs();
        if (args.length < 1 || args.length > 2)
            throw CommandException.usage("give a dump to compare with the database, or two dumps: meridian diff OLD [NEW]");
        Project project = Settings.project(line);
        AtomicReference<DatasetDiff.Summary> summary = new AtomicReference<>();
        try (SortedQuads old = DatasetDiff.readDump(Path.of(args[0]))) {
            if (args.length == 2) {
                try (SortedQuads now = DatasetDiff.readDump(Path.of(args[1]))) {
                    summary.set(DatasetDiff.compare(old, now, console.out()));
                }
            } else if (!CurrentDatabase.read(line, project, console, dataset -> {
                try (SortedQuads now = CanonicalRdf.sort(dataset)) {
                    summary.set(DatasetDiff.compare(old, now, console.out()));
                }
            })) {
                return ExitCode.DATA;
            }
        } catch (ExportException e) {
            throw CommandException.failure(e.getMessage());
        }
        console.out().flush();
        DatasetDiff.Summary s = summary.get();
        console.err().println(s.same() ? "no differences"
                : s.added() + " added, " + s.removed() + " removed, in " + s.graphs() + " graph(s)");
        // Like diff(1): 0 when the same, 1 when they differ.
        return s.same() ? ExitCode.OK : ExitCode.DATA;
    }
}
