package org.meridian.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meridian.serve.MeridianServer;
import org.meridian.serve.guard.Limits;

/** The serve options for limits and curator access: defaults, parsing, and refusals with clear messages. */
class ServeGuardOptionsTest {
    @TempDir
    Path temp;

    private static MeridianServer.Settings parse(Map<String, String> env, String... args) throws Exception {
        Options options = ServeGuardOptions.add(new Options());
        return new ServeGuardOptions(env).settings(DefaultParser.builder().get().parse(options, args), "127.0.0.1", 0, List.of());
    }

    @Test
    void withoutOptionsEverythingIsAtItsDefaultAndNoWritePathExists() throws Exception {
        MeridianServer.Settings settings = parse(Map.of());
        assertEquals(Limits.defaults(), settings.limits());
        assertEquals(List.of("*"), settings.corsOrigins());
        assertTrue(settings.curator().isEmpty());
    }

    @Test
    void limitsAndOriginsAreParsed() throws Exception {
        MeridianServer.Settings settings = parse(Map.of(), "--query-timeout", "0.5", "--max-rows", "7", "--max-body", "2048",
                "--max-header", "8192", "--cors-origins", "https://a.example, http://b.example:8080");
        assertEquals(new Limits(Duration.ofMillis(500), 7, 2048, 8192), settings.limits());
        assertEquals(List.of("https://a.example", "http://b.example:8080"), settings.corsOrigins());
        assertEquals(List.of(), parse(Map.of(), "--cors-origins", "none").corsOrigins());
    }

    @Test
    void theCuratorPasswordComesFromAFileOrTheEnvironment() throws Exception {
        Path file = Files.writeString(temp.resolve("pw"), "s3cret\n");
        var fromFile = parse(Map.of(), "--update-user", "ann", "--update-password-file", file.toString()).curator().orElseThrow();
        assertEquals("s3cret", fromFile.password());
        assertEquals(3031, fromFile.port());
        assertFalse(fromFile.toString().contains("s3cret"));
        var fromEnv = parse(Map.of("PW", "hunter2"), "--update-user", "ann", "--update-password-env", "PW", "--update-port", "0")
                .curator().orElseThrow();
        assertEquals("hunter2", fromEnv.password());
        assertEquals(0, fromEnv.port());
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatToDo() throws Exception {
        record Case(List<String> args, String message) {}
        for (Case c : List.of(
                new Case(List.of("--update-user", "ann"), "exactly one of --update-password-file and --update-password-env"),
                new Case(List.of("--update-password-env", "PW"), "need --update-user"),
                new Case(List.of("--update-user", "ann", "--update-password-env", "NOPE"), "NOPE: that environment variable is not set"),
                new Case(List.of("--update-user", "ann", "--update-password-file", "/no/such/file"), "cannot read it"),
                new Case(List.of("--query-timeout", "0"), "--query-timeout must be a positive number"),
                new Case(List.of("--query-timeout", "5s"), "not '5s'"),
                new Case(List.of("--max-rows", "0"), "--max-rows must be a whole number from 1"),
                new Case(List.of("--cors-origins", "evil.example"), "is not an origin"))) {
            CommandException e = assertThrows(CommandException.class, () -> parse(Map.of(), c.args().toArray(String[]::new)));
            assertTrue(e.getMessage().contains(c.message()), c.args() + ": " + e.getMessage());
            assertEquals(ExitCode.USAGE, e.exitCode());
        }
    }

    @Test
    void serveRefusesACuratorWithoutPasswordBeforeStartingAnything() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("serve", "--project", temp.toString(), "--port", "0", "--update-user", "ann");
        assertEquals(ExitCode.USAGE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("meridian serve: error: --update-user needs exactly one of"),
                err.toString(StandardCharsets.UTF_8));
    }
}
