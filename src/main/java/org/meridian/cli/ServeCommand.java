package org.meridian.cli;

import java.net.BindException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.tdb2.TDBException;
import org.meridian.check.Problems;
import org.meridian.graph.Project;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.Service;
import org.meridian.store.DatabaseStore;
import org.slf4j.LoggerFactory;

/** {@code meridian serve}: builds the database if needed and serves it with the Fuseki UI. */
final class ServeCommand implements Command {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "build the database if needed, then serve it read-only over SPARQL with the Fuseki UI";
    }

    @Override
    public Options options() {
        return ServeGuardOptions.add(Settings.withCommon(new Options()
                .addOption(Option.builder().longOpt("host").hasArg().argName("ADDRESS")
                        .desc("the address to listen on (default: " + MeridianServer.Settings.DEFAULT_HOST
                                + "; 0.0.0.0 for every interface)").get())
                .addOption(Option.builder().longOpt("port").hasArg().argName("PORT")
                        .desc("the port to listen on (default: " + MeridianServer.Settings.DEFAULT_PORT
                                + "; 0 picks a free one)").get())
                .addOption(Option.builder().longOpt("watch")
                        .desc("rebuild and swap in the database whenever data/ or ontology/ changes; a build with"
                                + " problems is reported and the old one keeps serving (kill -HUP PID rebuilds too)").get())
                .addOption(Option.builder().longOpt("federate").hasArg().argName("URL")
                        .desc("let SPARQL SERVICE call this endpoint (exactly this URL; repeat for more)."
                                + " Without it SERVICE is refused").get())
                .addOption(Option.builder().longOpt("cache-mb").hasArg().argName("MB")
                        .desc("memory for answers to repeated queries, in MiB (default: 64; 0 keeps none)").get())));
    }

    @Override
    public int run(CommandLine line, Console console) throws CommandException {
        startLogging();
        Project project = Settings.project(line);
        MeridianServer.Settings settings = new ServeGuardOptions(System.getenv()).settings(line,
                line.getOptionValue("host", MeridianServer.Settings.DEFAULT_HOST), port(line), federate(line));
        long cacheBytes = GenerateCommand.number("--cache-mb", line.getOptionValue("cache-mb", "64")) << 20;
        DatabaseStore store = Settings.store(line, project);
        Optional<DatabaseStore.Build> build = LoadCommand.ensureBuilt(project, store, false, console);
        if (build.isEmpty())
            return ExitCode.DATA;

        Problems problems = new Problems();
        Service service;
        try {
            service = Service.create(project, store, build.get(), settings, cacheBytes, console.err(), problems);
        } catch (DBOpEnvException | TDBException e) {
            throw CurrentDatabase.cannotOpen(build.get(), e);
        }
        if (service == null) {
            problems.print(console.err());
            return ExitCode.DATA;
        }
        FusekiServer server = service.server();
        try {
            server.start();
        } catch (RuntimeException e) {
            service.stop();
            if (causedBy(e, BindException.class))
                throw CommandException.usage("cannot listen on " + settings.host() + ":" + settings.port()
                        + " (is another server using it?); choose another with --port");
            throw e;
        }
        Optional<FusekiServer> writer;
        try {
            writer = CuratorWrites.start(settings, service.live().current().dataset(), console);
        } catch (CommandException e) {
            service.stop();
            throw e;
        }
        // A rebuild swaps the curators' writer over to the new build too.
        writer.ifPresent(service.live()::attach);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            writer.ifPresent(FusekiServer::stop);
            service.stop();
        }));
        if (!service.rebuildOnHangup())
            console.err().println("meridian serve: warning: this process was started with SIGHUP ignored (under nohup?),"
                    + " so 'kill -HUP " + ProcessHandle.current().pid() + "' will not rebuild"
                    + System.lineSeparator() + "hint: start it without nohup (setsid, or a service manager), or use --watch");
        if (line.hasOption("watch"))
            service.watch(project);
        printAddresses(console, settings.host(), server.getPort(), build.get());
        server.join();
        return ExitCode.OK;
    }

    private static int port(CommandLine line) throws CommandException {
        String text = line.getOptionValue("port", Integer.toString(MeridianServer.Settings.DEFAULT_PORT));
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535)
                throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            throw CommandException.usage("--port must be a number from 0 to 65535, not '" + text + "'");
        }
    }

    private static List<String> federate(CommandLine line) throws CommandException {
        String[] urls = line.getOptionValues("federate");
        if (urls == null)
            return List.of();
        for (String url : urls) {
            try {
                URI uri = new URI(url);
                if (!uri.isAbsolute() || !(url.startsWith("http://") || url.startsWith("https://")) || uri.getHost() == null)
                    throw new URISyntaxException(url, "not an absolute http(s) URL");
            } catch (URISyntaxException e) {
                throw CommandException.usage("--federate needs the full http(s) URL of a SPARQL endpoint, not '" + url + "'");
            }
        }
        return List.of(urls);
    }

    /**
     * Sets up logging on the other core while this one checks the build, which logs nothing: Log4j
     * reading its configuration and plugins takes about 0.4 s of a start on a slow day, and beside
     * the check the start to the first answer took about 0.1 s less. Only logging starts early;
     * Jena initialises on this thread, as it expects (two threads initialising it can deadlock).
     */
    private static void startLogging() {
        Thread logging = new Thread(() -> LoggerFactory.getLogger(ServeCommand.class), "meridian-logging");
        logging.setDaemon(true);
        logging.start();
    }

    private static void printAddresses(Console console, String host, int port, DatabaseStore.Build build) {
        String root = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String dataset = root + "/" + MeridianServer.DATASET;
        console.out().println("Meridian is serving build " + build.id() + " (" + build.quads() + " quads)");
        console.out().println("  UI:              " + root + "/");
        console.out().println("  query in the UI: " + root + "/#/dataset/" + MeridianServer.DATASET + "/query");
        console.out().println("  ready-made:      " + root + "/queries");
        console.out().println("  SPARQL endpoint: " + dataset + "/sparql");
        console.out().println("  graph store:     " + dataset + "/data (read-only)");
        console.out().println("  entities:        " + root + "/id/KIND/SLUG (HTML or RDF by content negotiation)");
        console.out().println("  dataset (VoID):  " + root + "/.well-known/void");
        console.out().println("  JSON-LD context: " + root + "/context.jsonld");
        console.out().println("Stop with Ctrl-C.");
        console.out().flush();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (type.isInstance(t))
                return true;
        return false;
    }
}
