package org.meridian.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.meridian.export.ExportException;
import org.meridian.export.release.ReleaseDump;
import org.meridian.graph.Project;

/** {@code meridian dump DIR}: writes a reproducible release bundle with its description and checksums. */
final class DumpCommand implements Command {
    @Override
    public String name() {
        return "dump";
    }

    @Override
    public String summary() {
        return "write a release bundle (N-Quads, TriG, JSON-LD, ontology, DCAT description, SHA256SUMS) into DIR";
    }

    @Override
    public String arguments() {
        return "[DIR]";
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options());
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        if (line.getArgs().length != 1)
            throw CommandException.usage("give the folder to write the bundle into: meridian dump DIR");
        Project project = Settings.project(line);
        Path dir = Path.of(line.getArgs()[0]);
        ReleaseDump dump;
        try {
            // Its description query and context are checked before any long work.
            dump = new ReleaseDump(project);
        } catch (ExportException e) {
            throw CommandException.failure(e.getMessage());
        }
        AtomicReference<List<String>> written = new AtomicReference<>();
        boolean built = CurrentDatabase.read(line, project, console, dataset -> written.set(dump.write(dataset, dir)));
        if (!built)
            return ExitCode.DATA;
        written.get().forEach(file -> console.out().println(dir.resolve(file)));
        return ExitCode.OK;
    }
}
