package dev.cited.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.cited.build.Version;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picocli command line: what it refuses, what each --help lists, and how flags sit over the environment. */
class CliTest {
    /** Every flag of the README's configuration table, with its environment variable (null: none). */
    private static final List<String[]> SERVE_FLAGS = List.of(
            new String[]{"--port", "CITED_PORT"}, new String[]{"--seeds", "CITED_SEEDS"},
            new String[]{"--max-file-mb", "CITED_MAX_FILE_MB"}, new String[]{"--parse-timeout", "CITED_PARSE_TIMEOUT"},
            new String[]{"--data", "CITED_DATA"}, new String[]{"--rescan", "CITED_RESCAN"},
            new String[]{"--no-watch", null}, new String[]{"--model", "CITED_MODEL"},
            new String[]{"--model-timeout", "CITED_MODEL_TIMEOUT"}, new String[]{"--retrieval", "CITED_RETRIEVAL"},
            new String[]{"--embedding", "CITED_EMBEDDING"}, new String[]{"--vectors", "CITED_VECTORS"},
            new String[]{"--prompts", "CITED_PROMPTS"}, new String[]{"--grounding", "CITED_GROUNDING"},
            new String[]{"--web", "CITED_WEB"}, new String[]{"--help", null}, new String[]{"--version", null});

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(List.of(args), env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** What {@code serve} would run with, parsed but not started. */
    private static CitedConfig serveConfig(Map<String, String> env, String... args) {
        CommandLine line = CitedCommand.commandLine(env, System.out, System.err);
        List<String> all = new ArrayList<>(List.of("serve"));
        all.addAll(List.of(args));
        CommandLine.ParseResult parsed = line.parseArgs(all.toArray(String[]::new));
        return ((ServeCommand) parsed.subcommand().commandSpec().userObject()).config();
    }

    @Test
    void givenAStrayWord_whenRun_thenExitCode2NamingItAndTheFlagMeant() {
        assertEquals(2, run(Map.of(), "serve", "/home/ada/docs"));
        assertTrue(errors().contains("unexpected argument '/home/ada/docs'") && errors().contains("--seeds DIR"),
                errors());
        assertFalse(errors().contains("Exception"), errors());
        assertEquals(2, run(Map.of(), "--port", "0", "docs"), "flags alone mean serve, which takes no words");
        assertEquals(2, run(Map.of(), "index", "a", "b", "--data", "x"));
        assertTrue(errors().contains("unexpected argument 'b': index takes DIR"), errors());
        assertEquals(2, run(Map.of(), "frobnicate"));
        assertTrue(errors().contains("unknown command 'frobnicate'"), errors());
        assertEquals(2, run(Map.of(), "serve", "--rescan", "0"));
        assertTrue(errors().contains("'0' is not a positive whole number"), errors());
        assertEquals(2, run(Map.of(), "bench-ingest", "docs", "--until", "soon"));
        assertTrue(errors().contains("--until is 'ready' or 'answerable', not 'soon'"), errors());
        assertTrue(printed().isEmpty(), "nothing started, nothing printed: " + printed());
    }

    @Test
    void givenServeHelp_whenPrinted_thenEveryFlagIsListedWithItsVariableAndDefault() {
        assertEquals(0, run(Map.of(), "serve", "--help"));
        String help = printed();
        CitedConfig defaults = CitedConfig.defaults();
        for (String[] flag : SERVE_FLAGS) {
            assertTrue(help.contains(flag[0]), flag[0] + " missing from\n" + help);
            if (flag[1] != null) {
                assertTrue(help.contains("[" + flag[1] + ","), flag[1] + " missing from\n" + help);
            }
        }
        // The defaults shown are the ones CitedConfig applies.
        for (String shown : List.of("CITED_PORT, default " + defaults.port(), "CITED_SEEDS, default " + defaults.seeds(),
                "CITED_WEB, default " + defaults.webDir(), "CITED_PROMPTS, default " + defaults.promptsDir(),
                "CITED_MODEL, default " + defaults.model(), "CITED_RETRIEVAL, default " + defaults.retrieval(),
                "CITED_EMBEDDING, default " + defaults.embedding(), "CITED_VECTORS, default " + defaults.vectors(),
                "CITED_GROUNDING, default " + defaults.grounding(),
                "CITED_RESCAN, default " + defaults.rescanEvery().toSeconds(),
                "CITED_MODEL_TIMEOUT, default " + defaults.modelTimeout().toSeconds(),
                "CITED_MAX_FILE_MB, default " + (defaults.limits().maxFileBytes() >> 20),
                "CITED_PARSE_TIMEOUT, default " + defaults.limits().parseTimeout().toSeconds())) {
            assertTrue(help.replaceAll("\\s+", " ").contains(shown), shown + " missing from\n" + help);
        }
        assertTrue(help.contains("SLACK_SIGNING_SECRET"), help);
    }

    @Test
    void givenEachCommand_whenItsHelpIsPrinted_thenItListsEveryFlagItTakes() {
        CommandLine cited = CitedCommand.commandLine(Map.of(), System.out, System.err);
        for (var entry : cited.getSubcommands().entrySet()) {
            if (entry.getKey().equals("help")) {
                continue;
            }
            out.reset();
            assertEquals(0, run(Map.of(), entry.getKey(), "--help"), entry.getKey());
            String help = printed();
            for (OptionSpec option : entry.getValue().getCommandSpec().options()) {
                assertTrue(help.contains(option.longestName()), entry.getKey() + ": " + option.longestName()
                        + " missing from\n" + help);
            }
            assertTrue(help.contains("--version"), help);
        }
        out.reset();
        assertEquals(0, run(Map.of(), "ask", "--help"));
        for (String flag : List.of("--seeds", "--model", "--retrieval", "--embedding", "--vectors", "--data",
                "--prompts", "--model-timeout", "--max-file-mb", "--parse-timeout", "--grounding")) {
            assertTrue(printed().contains(flag), flag + " missing from ask --help\n" + printed());
        }
    }

    @Test
    void givenFlagsAndEnvironment_whenParsed_thenFlagsWinAndTheEnvironmentFillsTheRest() {
        Map<String, String> env = Map.of("CITED_PORT", "9000", "CITED_RETRIEVAL", "bm25", "CITED_MODEL_TIMEOUT", "5",
                "CITED_SEEDS", "/srv/docs");
        CitedConfig config = serveConfig(env, "--port", "8080", "--model-timeout", "7", "--no-watch");
        assertEquals(8080, config.port());
        assertEquals(Duration.ofSeconds(7), config.modelTimeout());
        assertEquals("bm25", config.retrieval(), "not given as a flag: the environment's");
        assertEquals(Path.of("/srv/docs"), config.seeds());
        assertFalse(config.watch());

        CitedConfig fromEnv = serveConfig(env);
        assertEquals(9000, fromEnv.port());
        assertEquals(Duration.ofSeconds(5), fromEnv.modelTimeout());
        assertTrue(fromEnv.watch());

        CitedConfig defaults = serveConfig(Map.of(), "--data=/tmp/cited-data");
        assertEquals(CitedConfig.DEFAULT_PORT, defaults.port());
        assertEquals(Path.of("seeds"), defaults.seeds());
        assertEquals(Path.of("/tmp/cited-data"), defaults.dataDir(), "--flag=value is accepted too");
        assertEquals("hybrid", defaults.retrieval());
    }

    @Test
    void givenVersionFlags_whenRun_thenTheBuildsVersionIsPrinted() {
        assertTrue(Version.version().matches("\\d+\\.\\d+\\.\\d+.*"), "filtered by Maven: " + Version.version());
        assertEquals(0, run(Map.of(), "--version"));
        assertEquals(0, run(Map.of(), "serve", "--version"));
        assertEquals(0, run(Map.of(), "ask", "-V"));
        String expected = "cited " + Version.describe() + System.lineSeparator();
        assertEquals(expected.repeat(3), printed());
    }

    @Test
    void givenNoCommand_whenRun_thenFlagsGoToServe() {
        assertEquals(List.of("serve"), Main.withCommand(List.of()));
        assertEquals(List.of("serve", "--port", "8080"), Main.withCommand(List.of("--port", "8080")));
        assertEquals(List.of("--version"), Main.withCommand(List.of("--version")));
        assertEquals(List.of("-h"), Main.withCommand(List.of("-h")));
        assertEquals(List.of("ask", "Who?"), Main.withCommand(List.of("ask", "Who?")));
    }
}
