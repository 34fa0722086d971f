package org.meridian.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;

/** A shape problem is reported where its node is defined, not where another table first mentions it. */
class OriginsTest {
    @TempDir
    Path project;

    @Test
    void aViolationPointsAtTheLineThatTypesTheNodeNotAtAnEarlierMention() throws IOException {
        write("ontology/o.ttl", """
                @prefix ex: <http://example.org/ns#> .
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                ex:PersonShape a sh:NodeShape ; sh:targetClass ex:Person ;
                    sh:property [ sh:path ex:name ; sh:minCount 1 ; sh:message "a person needs a name" ] .
                """);
        // "aliases" sorts before "people", so its rows are read first and mention the person first.
        write("data/aliases.csv", "id,alias\nxi,Xi\n");
        write("data/aliases.rq", """
                PREFIX ex: <http://example.org/ns#>
                CONSTRUCT { ?p ex:alias ?alias } WHERE { BIND(IRI(CONCAT("id/person/", ?id)) AS ?p) }
                """);
        write("data/people.csv", "id,name\nputin,Vladimir Putin\nxi,\n");
        write("data/people.rq", """
                PREFIX ex: <http://example.org/ns#>
                CONSTRUCT { ?p a ex:Person ; ex:name ?name } WHERE { BIND(IRI(CONCAT("id/person/", ?id)) AS ?p) }
                """);
        Pipeline.Outcome outcome = Pipeline.build(new Project(project, Project.DEFAULT_BASE), DatasetGraphFactory.createTxnMem());
        assertEquals(List.of("data/people.csv:3: error: <id/person/xi> ex:name: a person needs a name"),
                outcome.problems().sorted().stream().map(Problem::format).toList());
    }

    @Test
    void locatingKeepsOnlyTheNodesAskedFor() throws IOException {
        write("data/people.csv", "id,name\nputin,Vladimir Putin\nxi,Xi Jinping\nlavrov,Sergei Lavrov\n");
        write("data/people.rq", """
                PREFIX ex: <http://example.org/ns#>
                CONSTRUCT { ?p a ex:Person ; ex:name ?name } WHERE { BIND(IRI(CONCAT("id/person/", ?id)) AS ?p) }
                """);
        Node xi = NodeFactory.createURI(Project.DEFAULT_BASE + "id/person/xi");
        Node nobody = NodeFactory.createURI(Project.DEFAULT_BASE + "id/person/nobody");
        Origins origins = new GraphBuilder(new Project(project, Project.DEFAULT_BASE)).origins();
        assertEquals(Map.of(xi, new Origins.Location("data/people.csv", 3)), origins.locate(Set.of(xi, nobody)));
    }

    private void write(String name, String text) throws IOException {
        Path file = project.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
