package org.meridian.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.jena.dboe.base.file.Location;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.graph.GraphBuilder;
import org.meridian.graph.Pipeline;
import org.meridian.graph.Project;
import org.meridian.testing.TestProjects;

/**
 * The project's lint checks (queries/checks/) catch what shapes cannot: each test breaks one rule
 * in a copy of the real project and expects the check's message at the row at fault. (Some checks
 * scan distinct terms first, then join back only the faulty ones; these pin that they still find
 * each case.)
 */
class ProjectChecksTest {
    private static final String ONTOLOGY = "https://meridian.example.org/ontology#";
    private static final String ID = "https://meridian.example.org/id/";

    @TempDir
    Path temp;

    @Test
    void theProjectAsItIsPassesEveryCheck() {
        assertTrue(problems(TestProjects.copyOwnProject(temp.resolve("p"))).isEmpty());
    }

    @Test
    void aReferenceToNothingIsDangling() throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        long line = replace(project.resolve("data/memberships.csv"), "sergei-lavrov,foreign-minister-of-russia,",
                "sergei-lavrov,foreign-minister,");
        assertReported(project, "data/memberships.csv:" + line + ": error: <" + ID
                + "membership/lavrov-foreign-minister-of-russia> points with <" + ONTOLOGY + "post> to <" + ID
                + "post/foreign-minister>, which no table defines [queries/checks/no-dangling-references.rq]");
    }

    @Test
    void aMistypedKindIsAnUndeclaredClass() throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        long line = replace(project.resolve("data/events.csv"), "xi-trip-to-europe-2024-05,StateVisit,",
                "xi-trip-to-europe-2024-05,Statevisit,");
        assertReported(project, "data/events.csv:" + line + ": error: the class <" + ONTOLOGY
                + "Statevisit> is not declared in the ontology [queries/checks/terms-declared.rq]");
    }

    @Test
    void evidenceThatIsNotInTheSourceIsCaught() throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        long line = replace(project.resolve("data/claims.csv"), "putin-china-visit-2024-05,gas giant Gazprom PJSC\n",
                "putin-china-visit-2024-05,\"Gazprom, a gas giant\"\n");
        assertReported(project, "data/claims.csv:" + line + ": error: the evidence \"Gazprom, a gas giant\" does not occur in"
                + " the text of <" + ID + "source/putin-china-visit-2024-05> [queries/checks/evidence-verbatim.rq]");
    }

    @Test
    void aTermWithoutDefinitionIsCaught() throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        replace(project.resolve("ontology/meridian.ttl"),
                "    skos:definition \"A datatype property that gives how a source characterises an entity, such as 'gas giant' or 'economist and technocrat'.\"@en ;\n", "");
        assertReported(project, "queries/checks/terms-labelled-and-defined.rq: error: <" + ONTOLOGY
                + "description> has 1 label(s) and 0 definition(s); it needs a label and exactly one definition"
                + " [queries/checks/terms-labelled-and-defined.rq]");
    }

    @Test
    void aSuccessorCannotStartBeforeThePredecessorLeaves() throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        long line = replace(project.resolve("data/memberships.csv"), "defence-minister-of-russia,2024-05,,ongoing",
                "defence-minister-of-russia,2024-04,,ongoing");
        assertReported(project, "data/memberships.csv:" + line + ": error: <" + ID
                + "membership/belousov-defence-minister-of-russia>: it starts before the membership it replaces ends"
                + " (2024-05 / 2024-04) [queries/checks/dates-in-order.rq]");
    }

    @Test
    void anUndeclaredPropertyIsFound() throws IOException {
        List<String> problems = problemsAfter("claims.csv", ",age,", ",ageInYears,");
        assertHas(problems, "the property <https://meridian.example.org/ontology#ageInYears> is not declared in the ontology [queries/checks/terms-declared.rq]");
    }

    @Test
    void aConceptInNoSchemeIsFoundOnceNotAlsoAsDangling() throws IOException {
        List<String> problems = problemsAfter("statements.csv", ",russia-china-relations,", ",russia-china-ties,");
        assertHas(problems, "data/statements.csv:2: error: the concept <https://meridian.example.org/vocab/topic/russia-china-ties> is in no scheme of ontology/vocabularies.ttl [queries/checks/no-dangling-references.rq]");
        assertFalse(problems.stream().anyMatch(p -> p.contains("russia-china-ties>, which no table defines")), () -> String.join("\n", problems));
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

    @Test
    void checksThatSpillToDiskFindWhatTheyFindInMemory() throws IOException {
        Path copy = TestProjects.copyOwnProject(temp.resolve("p"));
        replace(copy.resolve("data/memberships.csv"), "sergei-lavrov,foreign-minister-of-russia,", "sergei-lavrov,foreign-minister,");
        Project project = new Project(copy, Project.DEFAULT_BASE);
        DatasetGraph dataset = DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db")));
        GraphBuilder builder = new GraphBuilder(project);
        Txn.executeWrite(dataset, () -> builder.build(dataset::add));
        // A threshold of one row makes every DISTINCT and ORDER BY of the checks go through disk.
        List<String> inMemory = Txn.calculateRead(dataset, () -> located(
                new LintCheck(project.checks(), project::display).check(dataset), builder));
        List<String> spilled = Txn.calculateRead(dataset, () -> located(
                new LintCheck(project.checks(), project::display, 1).check(dataset), builder));
        assertHas(spilled, "post/foreign-minister>, which no table defines");
        assertEquals(inMemory, spilled);
    }

    @Test
    void checksOnTdb2FindWhatTheyFindOnAGeneralDataset() throws IOException {
        // On TDB2 the checks' scans of distinct terms read an index by node id (CheckExecutor);
        // a dataset in memory answers them with ARQ's own DISTINCT.
        Path copy = TestProjects.copyOwnProject(temp.resolve("p"));
        replaceFirst(copy.resolve("data/places.csv"), ",china,", ",cathay,");
        replaceFirst(copy.resolve("data/statements.csv"), ",russia-china-relations,", ",russia-china-ties,");
        replaceFirst(copy.resolve("data/events.csv"), "xi-trip-to-europe-2024-05,StateVisit,", "xi-trip-to-europe-2024-05,Statevisit,");
        replaceFirst(copy.resolve("data/claims.csv"), ",age,", ",ageInYears,");
        Project project = new Project(copy, Project.DEFAULT_BASE);
        GraphBuilder builder = new GraphBuilder(project);
        List<List<String>> found = new ArrayList<>();
        for (DatasetGraph dataset : List.of(DatabaseMgr.connectDatasetGraph(Location.create(temp.resolve("db"))),
                DatasetGraphFactory.createTxnMem())) {
            Txn.executeWrite(dataset, () -> builder.build(dataset::add));
            found.add(Txn.calculateRead(dataset, () -> located(
                    new LintCheck(project.checks(), project::display).check(dataset), builder)));
        }
        assertHas(found.get(0), "to <https://meridian.example.org/id/organisation/cathay>, which no table defines");
        assertHas(found.get(0), "the concept <https://meridian.example.org/vocab/topic/russia-china-ties> is in no scheme");
        assertHas(found.get(0), "Statevisit> is not declared in the ontology");
        assertHas(found.get(0), "ageInYears> is not declared in the ontology");
        assertEquals(found.get(1), found.get(0));
    }

    private static List<String> located(Problems problems, GraphBuilder builder) {
        problems.locate(builder.origins());
        return problems.sorted().stream().map(Problem::format).toList();
    }

    /** The problems after the first {@code from} in one table of a copy of the project becomes {@code to}. */
    private List<String> problemsAfter(String table, String from, String to) throws IOException {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        replaceFirst(project.resolve("data/" + table), from, to);
        return problems(project);
    }

    private static void replaceFirst(Path csv, String from, String to) throws IOException {
        String text = Files.readString(csv);
        assertTrue(text.contains(from), from);
        Files.writeString(csv, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
    }

    private static void assertHas(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in\n" + String.join("\n", problems));
    }

    private static List<String> problems(Path project) {
        Pipeline.Outcome outcome = Pipeline.build(new Project(project, Project.DEFAULT_BASE), DatasetGraphFactory.createTxnMem());
        return outcome.problems().sorted().stream().map(Problem::format).toList();
    }

    private static void assertReported(Path project, String expected) {
        List<String> problems = problems(project);
        assertTrue(problems.contains(expected), () -> "expected\n" + expected + "\namong\n"
                + problems.stream().collect(Collectors.joining("\n")));
    }

    /** Replaces the one occurrence of {@code from}, returning the line it is on. */
    private static long replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        int at = text.indexOf(from);
        assertTrue(at >= 0, "'" + from + "' is not in " + file);
        assertFalse(text.indexOf(from, at + 1) >= 0, "'" + from + "' is in " + file + " twice");
        Files.writeString(file, text.substring(0, at) + to + text.substring(at + from.length()));
        return text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
