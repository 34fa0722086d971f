package org.meridian.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.meridian.check.Problem;

/** The project's own ontology and curated data build without a single problem. */
class ProjectDataTest {
    @Test
    void theCuratedDataValidates() {
        Project project = new Project(Path.of(""), Project.DEFAULT_BASE);
        Pipeline.Outcome outcome = Pipeline.build(project, DatasetGraphFactory.createTxnMem());
        assertTrue(outcome.ok(), () -> outcome.problems().sorted().stream().map(Problem::format)
                .collect(Collectors.joining("\n")));
        assertTrue(outcome.quads() > 100, "the curated data is missing: " + outcome.quads() + " quads");
    }
}
