package org.meridian.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * The lint checks of queries/checks/ catch what they promise on the project's own data: an
 * undeclared class, an undeclared property, a concept in no scheme, a reference to nothing.
 * (Some were rewritten to scan distinct terms first; this pins that they still find each case.)
 */
class LintChecksTest {
    @TempDir
    Path temp;

    private List<String> problemsAfter(String table, String from, String to) throws IOException {
        Path root = temp.resolve("project");
        for (String dir : List.of("ontology", "data", "queries"))
            TestProjects.copy(Path.of(dir), root.resolve(dir));
        Path csv = root.resolve("data/" + table);
        String text = Files.readString(csv);
        assertTrue(text.contains(from), from);
        Files.writeString(csv, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        Pipeline.Outcome outcome = Pipeline.build(new Project(root, Project.DEFAULT_BASE), DatasetGraphFactory.createTxnMem());
        return outcome.problems().sorted().stream().map(Problem::format).toList();
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in\n" + String.join("\n", problems));
    }

    @Test
    void anUndeclaredClassIsFound() throws IOException {
        List<String> problems = problemsAfter("events.csv", ",StateVisit,", ",Statevisit,");
        assertHas(problems, "the class <https://meridian.example.org/ontology#Statevisit> is not declared in the ontology [queries/checks/terms-declared.rq]");
    }

    @Test
    void anUndeclaredPropertyIsFound() throws IOException {
        List<String> problems = problemsAfter("claims.csv", ",age,", ",ageInYears,");
        assertHas(problems, "the property <https://meridian.example.org/ontology#ageInYears> is not declared in the ontology [queries/checks/terms-declared.rq]");
    }

    @Test
    void aConceptInNoSchemeIsFound() throws IOException {
        List<String> problems = problemsAfter("statements.csv", ",russia-china-relations,", ",russia-china-ties,");
        assertHas(problems, "the concept <https://meridian.example.org/vocab/topic/russia-china-ties> is in no scheme of ontology/vocabularies.ttl [queries/checks/terms-declared.rq]");
    }

    @Test
    void aDanglingReferenceIsFound() throws IOException {
        List<String> problems = problemsAfter("places.csv", ",china,", ",cathay,");
        assertHas(problems, "data/places.csv:2: error: <https://meridian.example.org/id/place/beijing> points with <https://meridian.example.org/ontology#country> to <https://meridian.example.org/id/organisation/cathay>, which no table defines [queries/checks/no-dangling-references.rq]");
    }

    @Test
    void aFactOutsideItsSourcesGraphIsFound() throws IOException {
        List<String> problems = problemsAfter("persons.csv", ",putin-china-visit-2024-05,", ",another-source,");
        assertHas(problems, "data/persons.csv:2: error: <https://meridian.example.org/id/person/vladimir-putin> cites <https://meridian.example.org/id/source/another-source> in the graph <https://meridian.example.org/graph/another-source>, which is not that source's graph [queries/checks/facts-have-source-and-evidence.rq]");
    }
}
