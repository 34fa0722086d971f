package org.meridian.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.meridian.generate.ScaleGenerator;
import org.meridian.graph.Project;

/** {@code meridian generate}: writes a synthetic project of a given size, for benchmarks. */
final class GenerateCommand implements Command {
    @Override
    public String name() {
        return "generate";
    }

    @Override
    public String summary() {
        return "write a synthetic project of about N triples (this project plus made-up data) for benchmarks";
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options()
                .addOption(Option.builder().longOpt("scale").hasArg().argName("N").required()
                        .desc("about how many triples the generated project builds into, e.g. 1000000 or 1M").get())
                .addOption(Option.builder().longOpt("seed").hasArg().argName("SEED")
                        .desc("the random seed; the same seed and scale give the same files (default: 1)").get())
                .addOption(Option.builder().longOpt("out").hasArg().argName("DIR").required()
                        .desc("the folder to write the project to (new or empty)").get()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        Project template = Settings.project(line);
        if (!Files.isDirectory(template.data()))
            throw CommandException.usage("no data/ folder in " + template.root() + ": --project must name a Meridian project");
        long scale = number("--scale", line.getOptionValue("scale"));
        long seed = number("--seed", line.getOptionValue("seed", "1"));
        Path out = Path.of(line.getOptionValue("out")).toAbsolutePath().normalize();
        if (!isNewOrEmpty(out))
            throw CommandException.usage(out + " is not empty; --out needs a new or empty folder");
        boolean terminal = System.console() != null;
        ScaleGenerator.Summary summary = new ScaleGenerator(template).generate(out, scale, seed, flows -> {
            if (terminal)
                console.err().print("\r" + flows + " trade flows written ...");
        });
        if (terminal)
            console.err().println();
        console.out().println("generated " + summary.rows() + " rows (about " + summary.triples() + " triples) in " + out);
        return ExitCode.OK;
    }

    /** A count such as 100000, 100k, 1M or 10M. */
    static long number(String option, String text) throws CommandException {
        String digits = text.strip().toLowerCase();
        long factor = digits.endsWith("k") ? 1_000 : digits.endsWith("m") ? 1_000_000 : 1;
        if (factor > 1)
            digits = digits.substring(0, digits.length() - 1);
        try {
            long value = Long.parseLong(digits) * factor;
            if (value < 0)
                throw new NumberFormatException();
            return value;
        } catch (NumberFormatException e) {
            throw CommandException.usage(option + " must be a whole number such as 100000, 100k or 1M, not '" + text + "'");
        }
    }

    private static boolean isNewOrEmpty(Path dir) {
        if (!Files.exists(dir))
            return true;
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
