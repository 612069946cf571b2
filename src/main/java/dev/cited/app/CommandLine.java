package dev.cited.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Parses a command's flags over the environment's configuration. */
final class CommandLine {
    static final String COMMON_FLAGS = """
              --seeds DIR        documents folder (txt, md, pdf, docx, pptx, xlsx, html, epub, eml, …)
                                                                            [CITED_SEEDS, default seeds]
              --model NAME       extractive | openai:<m> | ollama:<m> | anthropic:<m> | gemini:<m>
                                                                            [CITED_MODEL, default extractive]
              --retrieval MODE   hybrid | bm25 | dense                      [CITED_RETRIEVAL, default hybrid]
              --embedding NAME   bge-small | minilm (faster)                [CITED_EMBEDDING, default bge-small]
              --vectors FORMAT   float32 | int8 (quantized)                 [CITED_VECTORS, default float32]
              --data DIR         keep the index on disk here and reuse it   [CITED_DATA, default in memory]
              --prompts DIR      prompt templates                           [CITED_PROMPTS, default prompts]
              --model-timeout S  seconds to wait for a model                [CITED_MODEL_TIMEOUT, default 60]
              --max-file-mb N    files larger than this are skipped            [CITED_MAX_FILE_MB, default 100]
              --parse-timeout S  a file still being read after S seconds is abandoned [CITED_PARSE_TIMEOUT, default 60]
              --grounding MODE   strict (a model's unsupported statements are removed) | flag (kept, marked ⚠)
                                                                            [CITED_GROUNDING, default strict]
            """;

    final CitedConfig config;
    final List<String> arguments;
    final boolean help;
    /** --no-watch: serve the folder as it is at start. */
    final boolean noWatch;

    private CommandLine(CitedConfig config, List<String> arguments, boolean help, boolean noWatch) {
        this.config = config;
        this.arguments = arguments;
        this.help = help;
        this.noWatch = noWatch;
    }

    static CommandLine parse(List<String> args, CitedConfig base) {
        CitedConfig.Builder b = base.toBuilder();
        List<String> arguments = new ArrayList<>();
        boolean help = false;
        boolean noWatch = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> help = true;
                case "--port" -> b.port(parsePort(value(args, ++i, arg)));
                case "--seeds" -> b.seeds(Path.of(value(args, ++i, arg)));
                case "--web" -> b.webDir(Path.of(value(args, ++i, arg)));
                case "--prompts" -> b.promptsDir(Path.of(value(args, ++i, arg)));
                case "--data" -> b.dataDir(Path.of(value(args, ++i, arg)));
                case "--model" -> b.model(value(args, ++i, arg));
                case "--retrieval" -> b.retrieval(value(args, ++i, arg));
                case "--embedding" -> b.embedding(value(args, ++i, arg));
                case "--vectors" -> b.vectors(value(args, ++i, arg));
                case "--grounding" -> b.grounding(value(args, ++i, arg));
                case "--max-file-mb" -> b.maxFileMegabytes(parseSeconds(value(args, ++i, arg), arg));
                case "--parse-timeout" -> b.parseTimeout(Duration.ofSeconds(parseSeconds(value(args, ++i, arg), arg)));
                case "--rescan" -> b.rescanEvery(Duration.ofSeconds(parseSeconds(value(args, ++i, arg), arg)));
                case "--no-watch" -> noWatch = true;
                case "--host" -> b.host(value(args, ++i, arg));
                case "--name", "--role" -> { // keys create's own flags
                    arguments.add(arg);
                    arguments.add(value(args, ++i, arg));
                }
                case "--model-timeout" -> b.modelTimeout(Duration.ofSeconds(parseSeconds(value(args, ++i, arg), arg)));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("Unknown flag " + arg + " (see --help)");
                    }
                    arguments.add(arg);
                }
            }
        }
        return new CommandLine(b.build(), arguments, help, noWatch);
    }

    private static String value(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535");
    }

    /** A positive whole number for {@code flag}. */
    private static long parseSeconds(String value, String flag) {
        try {
            long seconds = Long.parseLong(value);
            if (seconds > 0) {
                return seconds;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(flag + " must be a positive whole number");
    }
}
