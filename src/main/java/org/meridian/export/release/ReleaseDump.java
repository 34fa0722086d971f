package org.meridian.export.release;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.meridian.export.ExportException;
import org.meridian.export.JsonLdContext;
import org.meridian.export.JsonLdWriter;
import org.meridian.graph.Project;
import org.meridian.linked.DatasetDescription;
import org.meridian.store.DatabaseStore;

/**
 * Writes a release bundle: the dataset as canonical N-Quads (gzip), TriG and JSON-LD, the
 * ontology files, the dataset's VoID description with the DCAT description of the files, and {@code SHA256SUMS}. No timestamp
 * enters any file and the gzip header carries none, so the same data gives the same bytes. The
 * bundle is assembled in a hidden folder beside its target and moved into place when complete.
 */
public final class ReleaseDump {
    public static final String NQUADS = "meridian.nq.gz";
    public static final String TRIG = "meridian.trig";
    public static final String JSONLD = "meridian.jsonld";
    public static final String DESCRIPTION = "distributions.ttl";
    public static final String ONTOLOGY = "ontology";

    private final Project project;
    private final Optional<JsonLdContext> context;
    private final Map<String, String> namespaces;
    private final DistributionDescription description;

    public ReleaseDump(Project project) throws ExportException {
        this.project = project;
        this.description = new DistributionDescription(project);
        this.context = JsonLdContext.load(project);
        this.namespaces = JsonLdContext.namespaces(context);
    }

    /**
     * Writes the bundle of {@code dataset} (inside the caller's read transaction) into {@code dir},
     * which must not exist or be empty.
     * @return the bundle's files, relative to {@code dir}
     */
    public List<String> write(DatasetGraph dataset, Path dir) throws ExportException {
        Path target = dir.toAbsolutePath().normalize();
        checkTarget(target);
        Path work;
        try {
            Files.createDirectories(target.getParent());
            work = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".partial-");
            // A temporary folder is private; a release is for everyone.
            if (work.getFileSystem().supportedFileAttributeViews().contains("posix"))
                Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new ExportException(dir + ": error: cannot create: " + e.getMessage());
        }
        try {
            writeFiles(dataset, work);
            if (Files.isDirectory(target))
                Files.delete(target);
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UncheckedIOException e) {
            throw new ExportException(dir + ": error: cannot write the bundle: " + e.getMessage());
        } finally {
            if (Files.exists(work))
                DatabaseStore.delete(work);
        }
        List<String> files = new ArrayList<>(Checksums.files(target));
        files.add(Checksums.FILE);
        return files;
    }

    private static void checkTarget(Path target) throws ExportException {
        if (!Files.exists(target))
            return;
        boolean empty = false;
        if (Files.isDirectory(target))
            try (Stream<Path> entries = Files.list(target)) {
                empty = entries.findAny().isEmpty();
            } catch (IOException e) {
                throw new ExportException(target + ": error: cannot read: " + e.getMessage());
            }
        if (!empty)
            throw new ExportException(target + ": error: already exists and is not an empty folder"
                    + System.lineSeparator() + "hint: a dump goes into a new folder; choose another name or remove it");
    }

    private void writeFiles(DatasetGraph dataset, Path work) throws IOException {
        Path nquads = work.resolve(NQUADS);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(nquads), 1 << 16)) {
            CanonicalRdf.writeNQuads(dataset, out);
        }
        try (OutputStream out = file(work.resolve(TRIG))) {
            CanonicalRdf.read(nquads, withPrefixes(StreamRDFWriter.getWriterStream(out, RDFFormat.TRIG_BLOCKS, null)));
        }
        try (OutputStream out = file(work.resolve(JSONLD))) {
            CanonicalRdf.read(nquads, new JsonLdWriter(out, context));
        }
        copyOntology(work.resolve(ONTOLOGY));
        List<DistributionDescription.FileFacts> facts = facts(work);
        Graph described = description.describe(dataset, facts);
        // The same VoID the server gives at /.well-known/void, with the base standing for the server.
        new DatasetDescription(project.base(), false).describe(dataset, project.base()).find().forEachRemaining(described::add);
        try (OutputStream out = file(work.resolve(DESCRIPTION))) {
            writeTurtle(described, out);
        }
        // The data files can be large: hash them once, for the description and the sums alike.
        Map<String, String> known = new HashMap<>();
        facts.forEach(f -> known.put(f.file(), f.sha256()));
        Checksums.write(work, known);
    }

    /**
     * The description is small, so it is written as nested, readable Turtle. It is first rebuilt from
     * canonical N-Quads: the same labels inserted in the same order give the writer the same graph.
     */
    private void writeTurtle(Graph graph, OutputStream out) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        CanonicalRdf.writeNQuads(DatasetGraphFactory.wrap(graph), canonical);
        Graph stable = GraphFactory.createDefaultGraph();
        CanonicalRdf.read(new ByteArrayInputStream(canonical.toByteArray()), StreamRDFLib.graph(stable));
        namespaces.forEach(stable.getPrefixMapping()::setNsPrefix);
        RDFDataMgr.write(out, stable, RDFFormat.TURTLE_PRETTY);
    }

    private StreamRDF withPrefixes(StreamRDF writer) {
        return new StreamRDFWrapper(writer) {
            @Override
            public void start() {
                super.start();
                namespaces.forEach(writer::prefix);
            }
        };
    }

    private void copyOntology(Path to) throws IOException {
        Path from = project.ontology();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path copy = to.resolve(from.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
    }

    private static List<DistributionDescription.FileFacts> facts(Path work) throws IOException {
        List<DistributionDescription.FileFacts> facts = new ArrayList<>();
        for (String name : Checksums.files(work)) {
            Path file = work.resolve(name);
            Lang lang = RDFLanguages.filenameToLang(name);
            String mediaType = lang == null ? "application/octet-stream" : lang.getContentType().getContentTypeStr();
            String compression = name.endsWith(".gz") ? "application/gzip" : null;
            facts.add(new DistributionDescription.FileFacts(name, mediaType, compression, Files.size(file),
                    Checksums.sha256(file)));
        }
        return facts;
    }

    private static OutputStream file(Path path) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(path), 1 << 16);
    }
}
