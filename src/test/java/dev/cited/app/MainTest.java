package dev.cited.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void givenAQuestion_whenAskedOnTheCommandLine_thenTheAnswerAndNumberedSourcesArePrinted() {
        assertEquals(0, run("ask", "How many short-range ballistic missiles has North Korea transferred to Russia?"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("dozen"), printed);
        assertTrue(printed.contains("Sources:") && printed.contains("[1] "), printed);
        assertTrue(printed.contains("004_c0a5f909db2a0263"), printed);
    }

    @Test
    void givenHelpFlags_whenRun_thenEachCommandDescribesItself() {
        assertEquals(0, run("--help"));
        assertEquals(0, run("serve", "--help"));
        assertEquals(0, run("ask", "--help"));
        assertEquals(0, run("eval", "--help"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("--port") && printed.contains("--model") && printed.contains("recall"), printed);
    }

    @Test
    void givenBadArguments_whenRun_thenExitCode2WithAMessage() {
        assertEquals(2, run("ask", "--bogus", "x"));
        assertEquals(2, run("serve", "--port", "http"));
        assertEquals(2, run("ask", "--model", "nonsense:", "Who?"));
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("eval", "no-such-file.jsonl"));
        String printed = err.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("Unknown option: '--bogus'"), printed);
        assertTrue(printed.contains("Unknown model"), printed);
    }

    @Test
    void givenAFolder_whenIndexed_thenTheDataFolderHoldsItAndASecondRunRedoesNothing(@TempDir Path docs,
                                                                                    @TempDir Path data) throws Exception {
        Files.writeString(docs.resolve("crane.md"), "# Crane log\n\nCrane 7 was repaired by Ada Osei on Monday.");
        Files.writeString(docs.resolve("notes.txt"), "The harbour opens at six. Pilots board at the outer buoy.");
        Files.write(docs.resolve("song.mp3"), new byte[]{'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0});

        assertEquals(0, run("index", docs.toString(), "--data", data.toString(), "--retrieval", "bm25"));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("2 documents") && printed.contains("1 files skipped"), printed);
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("ready: 2 files"), "not a terminal: progress as lines, ending ready\n" + progress);
        assertTrue(Files.isDirectory(data.resolve("index")));

        out.reset();
        assertEquals(0, run("ask", "--seeds", docs.toString(), "--data", data.toString(), "--retrieval", "bm25",
                "Who repaired crane 7?"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("Ada Osei"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void givenIndexWithoutADataFolder_whenRun_thenItSaysWhatIsMissing() {
        assertEquals(2, run("index", "seeds"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--data DATA"));
        assertEquals(2, run("index", "no-such-folder", "--data", "x"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such folder"));
    }
}
