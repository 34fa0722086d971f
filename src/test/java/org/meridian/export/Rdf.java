package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.util.Context;

import com.apicatalog.jsonld.JsonLdOptions;

/** Reading exports back with Jena, never fetching a remote JSON-LD context, and comparing them. */
public final class Rdf {
    private Rdf() {}

    /** Reads a file, gunzipping it when its name ends in {@code .gz}. */
    public static DatasetGraph read(Path file, Lang lang) {
        try (InputStream in = file.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file)) {
            return read(RDFParser.source(in), lang);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DatasetGraph read(String text, Lang lang) {
        return read(RDFParser.source(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))), lang);
    }

    private static DatasetGraph read(RDFParserBuilder parser, Lang lang) {
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, new JsonLdOptions(JsonLdWriter.NO_FETCHING));
        DatasetGraph dataset = DatasetGraphFactory.createTxnMem();
        parser.lang(lang).context(context).parse(dataset);
        return dataset;
    }

    public static Set<String> graphNames(DatasetGraph dataset) {
        Set<String> names = new TreeSet<>();
        dataset.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        return names;
    }

    public static void assertIsomorphic(Graph expected, Graph actual, String what) {
        assertEquals(expected.size(), actual.size(), what + ": triple count");
        assertTrue(expected.isIsomorphicWith(actual), what + ": not isomorphic");
    }

    /** Same named graphs, each isomorphic, and the same default graph. */
    public static void assertSameDataset(DatasetGraph expected, DatasetGraph actual, String what) {
        assertEquals(graphNames(expected), graphNames(actual), what + ": named graphs");
        for (var it = expected.listGraphNodes(); it.hasNext(); ) {
            Node g = it.next();
            assertIsomorphic(expected.getGraph(g), actual.getGraph(g), what + " <" + g.getURI() + ">");
        }
        assertIsomorphic(expected.getDefaultGraph(), actual.getDefaultGraph(), what + " default graph");
    }
}
