package org.meridian.cli;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.sparql.core.DatasetGraph;
import org.meridian.export.DatasetExporter;
import org.meridian.export.ExportException;
import org.meridian.export.JsonLdContext;
import org.meridian.export.RdfFormat;
import org.meridian.export.network.NetworkExport;
import org.meridian.graph.Project;

/** {@code meridian export}: the database or one named graph, in an RDF format or as a network for graph tools. */
final class ExportCommand implements Command {
    @Override
    public String name() {
        return "export";
    }

    @Override
    public String summary() {
        return "write the database or one named graph as RDF, or as a network (GraphML, edge-list CSV)";
    }

    private static List<String> formats() {
        List<String> all = new ArrayList<>(RdfFormat.ids());
        all.addAll(NetworkExport.FORMATS);
        return all;
    }

    @Override
    public Options options() {
        return Settings.withCommon(new Options()
                .addOption(Option.builder().longOpt("format").hasArg().argName("FORMAT")
                        .desc(String.join(", ", formats()) + " (default: trig)").get())
                .addOption(Option.builder().longOpt("graph").hasArg().argName("IRI")
                        .desc("only this named graph (an IRI, or one relative to the base, e.g. graph/SOURCE-ID)").get())
                .addOption(Option.builder("o").longOpt("out").hasArg().argName("FILE")
                        .desc("write to FILE (replaced only once it is complete) instead of standard output").get()));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        Project project = Settings.project(line);
        String format = line.getOptionValue("format", RdfFormat.TRIG.id());
        if (!formats().contains(format))
            throw CommandException.usage("unknown --format '" + format + "'; use one of " + String.join(", ", formats()));
        Optional<Node> graph = line.hasOption("graph") ? Optional.of(graphName(line.getOptionValue("graph"), project))
                : Optional.empty();

        try (Output output = Output.to(line.getOptionValue("out"), console)) {
            if (!CurrentDatabase.read(line, project, console, dataset -> write(project, dataset, graph, format, output.stream())))
                return ExitCode.DATA;
            output.commit();
        }
        return ExitCode.OK;
    }

    private static void write(Project project, DatasetGraph dataset, Optional<Node> graph, String format, OutputStream out)
            throws ExportException {
        Optional<RdfFormat> rdf = RdfFormat.byId(format);
        if (rdf.isPresent()) {
            Optional<JsonLdContext> context = JsonLdContext.load(project);
            new DatasetExporter(context).write(dataset, graph, rdf.get(), out);
        } else {
            new NetworkExport(project).write(dataset, graph, format, out);
        }
    }

    /** A graph IRI from the command line; relative ones resolve against the base, like the mappings' IRIs. */
    static Node graphName(String text, Project project) throws CommandException {
        try {
            IRIx iri = IRIx.create(project.base()).resolve(text);
            return NodeFactory.createURI(iri.str());
        } catch (IRIException e) {
            throw CommandException.usage("--graph is not a valid IRI: " + text);
        }
    }
}
