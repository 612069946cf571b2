package dev.cited.app;

import dev.cited.eval.ClaimCase;
import dev.cited.eval.ScriptedModelServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code cited stand-in CLAIMS.jsonl}: an OpenAI-compatible server that writes the answers of a claim set, true
 * claims and planted errors, so anyone can watch grounding in the web UI, the API or Slack.
 */
@Command(name = "stand-in", sortOptions = false,
        description = {"A stand-in model that writes a claim set's answers, planted errors included.",
                "Serves an OpenAI-compatible Chat Completions endpoint whose answers are the claim set's"
                + " sentences, with markers as a model would write them. Then, in another terminal:",
                "  OPENAI_BASE_URL=http://127.0.0.1:9999/v1 OPENAI_API_KEY=x java -jar target/cited.jar"
                        + " --model openai:stand-in",
                "and ask one of the set's questions."})
final class StandInCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Option(names = "--port", paramLabel = "N", converter = ConfigFlags.Port.class,
            description = "port to listen on (0 = any free port)  [default 9999]")
    int port = 9999;

    @Parameters(paramLabel = "CLAIMS.jsonl", description = "a claim set, e.g. eval/claims.jsonl")
    Path file;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            cited.err.println("cited: no such claim set: " + file);
            return CitedCommand.USAGE;
        }
        ScriptedModelServer server = ScriptedModelServer.start(ClaimCase.read(file), port);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "cited-stand-in-shutdown"));
        cited.out.println("Stand-in model on " + server.baseUrl() + " answering the " + file + " questions");
        return Main.untilStopped();
    }
}
