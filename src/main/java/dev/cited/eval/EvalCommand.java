package dev.cited.eval;


import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code cited eval FILE...}: prints the scores and exits non-zero when a threshold is missed. A question set
 * is answered by the configured model; a claim set (eval/claims.jsonl) by the {@link ScriptedModelServer},
 * reached over HTTP through the same client a real OpenAI-compatible model is.
 */
public final class EvalCommand {
    /** The model the claim set is answered by: an OpenAI-compatible server, the scripted stand-in. */
    public static final String STAND_IN_MODEL = "openai:stand-in";

    private EvalCommand() {
    }

    /** What the command needs from the application, so this package does not depend on it. */
    public interface Engine extends AutoCloseable {
        Evaluator evaluator(int k);

        ClaimEvaluator claimEvaluator(int k);

        @Override
        void close();
    }

    /** Builds an engine answering with {@code model} (null: the configured one), its keys and URLs from {@code env}. */
    @FunctionalInterface
    public interface Engines {
        Engine create(String model, Map<String, String> env);
    }

    public static int run(List<String> files, Engines engines, Map<String, String> env, boolean help,
                          PrintStream out, PrintStream err) {
        if (help || files.isEmpty()) {
            (help ? out : err).println("""
                    Usage: java -jar target/cited.jar eval [flags] FILE.jsonl [FILE.jsonl ...]
                    A question set (format in ../shared/README.md): scores retrieval (recall@5, MRR), answers (hit rate,
                    citation precision, structural validity), abstention, follow-ups, pages cited and latency.
                    A claim set (eval/claims.jsonl): a stand-in model writes each case's answer, true claims and planted
                    errors, and scores what reaches the user: claim precision, planted errors caught, true claims kept,
                    wrong passages fixed.
                    Exits 1 when a score is below its floor in the README (eval/adversarial.jsonl and eval/pdf.jsonl have
                    their own; other question sets the project set's). eval/pdf.jsonl asks about the PDFs in
                    ../shared/samples/pdf: run it with --seeds on a folder holding them; it also scores the page cited.""");
            return help ? 0 : 2;
        }
        for (String file : files) {
            if (!Files.isRegularFile(Path.of(file))) {
                err.println("cited: no such question set: " + file);
                return 2;
            }
        }
        int status = 0;
        try (Engine engine = engines.create(null, env)) {
            for (String file : files) {
                if (ClaimCase.isClaimSet(Path.of(file))) {
                    continue;
                }
                EvalReport report = engine.evaluator(5).run(EvalQuestion.read(Path.of(file)));
                out.println("== " + file);
                out.println(report.format());
                status = Math.max(status, report(EvalThresholds.forFile(Path.of(file)).misses(report), out));
            }
        }
        for (String file : files) {
            if (ClaimCase.isClaimSet(Path.of(file))) {
                List<ClaimCase> cases = ClaimCase.read(Path.of(file));
                try (ScriptedModelServer model = ScriptedModelServer.start(cases, 0);
                     Engine engine = engines.create(STAND_IN_MODEL, model.env())) {
                    ClaimReport report = engine.claimEvaluator(5).run(cases);
                    out.println("== " + file + " (answered by a stand-in model at " + model.baseUrl() + ")");
                    out.println(report.format());
                    status = Math.max(status, report(ClaimThresholds.CLAIM_SET.misses(report), out));
                }
            }
        }
        return status;
    }

    private static int report(List<String> misses, PrintStream out) {
        misses.forEach(m -> out.println("BELOW THRESHOLD: " + m));
        return misses.isEmpty() ? 0 : 1;
    }
}
