package org.meridian.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.cli.Cli;
import org.meridian.testing.TestProjects;

/**
 * The network queries fit the project's own model: the first source's memberships, agreements,
 * statements and trade flows all become edges (every membership, each pair of parties to an
 * agreement, each statement about an actor, each trade flow between two states).
 */
class ProjectNetworkTest {
    @TempDir
    Path temp;

    @Test
    void everyRelationOfTheFirstSourceBecomesEdges() {
        Path project = TestProjects.copyOwnProject(temp.resolve("p"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run("export", "--format", "csv", "--project", project.toString());
        assertEquals(0, exit);
        Map<String, Integer> edgesByQuery = new TreeMap<>();
        out.toString(StandardCharsets.UTF_8).lines().skip(1)
                .forEach(line -> edgesByQuery.merge(line.substring(line.lastIndexOf(',') + 1), 1, Integer::sum));
        assertEquals(Map.of("queries/network/agreements.rq", 8, "queries/network/memberships.rq", 14,
                "queries/network/statements.rq", 13, "queries/network/trade-flows.rq", 6), edgesByQuery);
    }
}
