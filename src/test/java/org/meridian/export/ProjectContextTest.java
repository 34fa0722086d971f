package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.junit.jupiter.api.Test;
import org.meridian.graph.Project;

/** The repository's own {@code ontology/context.jsonld}: valid, and in step with the ontology's prefixes. */
class ProjectContextTest {
    final Project project = new Project(Path.of("."), Project.DEFAULT_BASE);

    @Test
    void everyPrefixTheOntologyDeclaresIsInTheContextWithTheSameIri() throws Exception {
        Map<String, String> context = JsonLdContext.load(project).orElseThrow().namespaces();
        Map<String, String> declared = new TreeMap<>();
        for (Path file : project.ontologyFiles())
            RDFParser.source(file).parse(new StreamRDFBase() {
                @Override
                public void prefix(String prefix, String iri) {
                    declared.put(prefix, iri);
                }
            });
        assertTrue(declared.size() >= 5, "the ontology declares its prefixes: " + declared);
        declared.forEach((prefix, iri) -> assertEquals(iri, context.get(prefix), "prefix " + prefix + " in ontology/context.jsonld"));
    }

    @Test
    void aContextThatIsNotJsonIsReportedAtItsLine() {
        ExportException e = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                () -> JsonLdContext.parse("ontology/context.jsonld", "{\n  \"@context\": {\n    \"mer\": \n  }\n}".getBytes()));
        assertTrue(e.getMessage().startsWith("ontology/context.jsonld:4: error: not valid JSON"), e.getMessage());
        ExportException shape = org.junit.jupiter.api.Assertions.assertThrows(ExportException.class,
                () -> JsonLdContext.parse("ontology/context.jsonld", "[]".getBytes()));
        assertEquals("ontology/context.jsonld:1: error: a JSON-LD context file must be an object with an \"@context\" member",
                shape.getMessage());
    }
}
