package dev.cited.eval;


import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code cited eval FILE...}: prints the scores and exits non-zero when a threshold is missed. */
public final class EvalCommand {
    private EvalCommand() {
    }

    /** What the command needs from the application, so this package does not depend on it. */
    public interface Engine extends AutoCloseable {
        Evaluator evaluator(int k);

        @Override
        void close();
    }

    public static int run(List<String> files, java.util.function.Supplier<Engine> engines, boolean help,
                          PrintStream out, PrintStream err) {
        if (help || files.isEmpty()) {
            (help ? out : err).println("""
                    Usage: java -jar target/cited.jar eval [flags] FILE.jsonl [FILE.jsonl ...]
                    Scores retrieval (recall@5, MRR), answers (hit rate, citation precision, structural validity),
                    abstention, follow-ups and latency on question sets in the format of ../shared/README.md.
                    Exits 1 when a score is below the floor stated in the README (the project set's thresholds).""");
            return help ? 0 : 2;
        }
        for (String file : files) {
            if (!Files.isRegularFile(Path.of(file))) {
                err.println("cited: no such question set: " + file);
                return 2;
            }
        }
        int status = 0;
        try (Engine engine = engines.get()) {
            for (String file : files) {
                EvalReport report = engine.evaluator(5).run(EvalQuestion.read(Path.of(file)));
                out.println("== " + file);
                out.println(report.format());
                List<String> misses = EvalThresholds.PROJECT_SET.misses(report);
                if (!misses.isEmpty()) {
                    misses.forEach(m -> out.println("BELOW THRESHOLD: " + m));
                    status = 1;
                }
            }
        }
        return status;
    }

}
