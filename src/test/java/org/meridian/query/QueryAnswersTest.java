package org.meridian.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.check.Problem;
import org.meridian.graph.Project;
import org.meridian.serve.MeridianServer;
import org.meridian.store.DatabaseStore;
import org.meridian.store.Loader;

/**
 * Every named query in {@code queries/}, run over HTTP against a real server on the project's
 * own curated data, gives exactly the answer in {@code src/test/resources/query-answers/NAME.tsv}.
 * Those answers were checked by hand against the source article.
 */
class QueryAnswersTest {
    private static final Path ANSWERS = Path.of("src/test/resources/query-answers");

    @TempDir
    static Path temp;
    static DatasetGraph dataset;
    static FusekiServer server;
    static QueryCatalog catalog;

    @BeforeAll
    static void start() {
        Project project = new Project(Path.of(""), Project.DEFAULT_BASE);
        Loader.Result result = new Loader(project, new DatabaseStore(temp.resolve("db"))).load(false);
        assertTrue(result.ok(), () -> result.problems().sorted().stream().map(Problem::format).collect(Collectors.joining("\n")));
        dataset = DatabaseStore.open(result.build().orElseThrow());
        catalog = QueryCatalog.read(project.queries());
        server = MeridianServer.build(dataset, new MeridianServer.Settings("127.0.0.1", 0), temp.resolve("work"), catalog).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        TDBInternal.expel(dataset, true);
    }

    @Test
    void thereAreAtLeastFifteenQueriesEachWithAnAnswerAndATitle() throws IOException {
        assertTrue(catalog.queries().size() >= 15, "only " + catalog.queries().size() + " named queries");
        Set<String> answers;
        try (Stream<Path> files = Files.list(ANSWERS)) {
            answers = files.map(f -> f.getFileName().toString().replaceFirst("\\.tsv$", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> names = catalog.queries().stream().map(QueryCatalog.NamedQuery::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, answers, "each query needs an answer file and each answer file a query");
        for (QueryCatalog.NamedQuery query : catalog.queries()) {
            assertTrue(!query.title().equals(query.name()) && !query.description().isBlank(),
                    query.name() + " needs '# title:' and '# description:' header comments");
        }
    }

    @TestFactory
    List<DynamicTest> eachQueryGivesItsExpectedAnswer() {
        return catalog.queries().stream()
                .map(query -> DynamicTest.dynamicTest(query.name(), () -> assertEquals(
                        Files.readString(ANSWERS.resolve(query.name() + ".tsv")), answer(query.text()), query.name())))
                .toList();
    }

    private static String answer(String query) throws IOException, InterruptedException {
        String url = "http://127.0.0.1:" + server.getPort() + "/" + MeridianServer.DATASET + "/sparql?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/tab-separated-values").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }
}
