package dev.cited.app;

import dev.cited.chunking.Passage;
import dev.cited.chunking.PassageChunker;
import dev.cited.chunking.Span;
import dev.cited.collection.CollectionProgress;
import dev.cited.conversation.AskRequest;
import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import dev.cited.eval.Evaluator;
import dev.cited.index.Embedder;
import dev.cited.llm.EmbeddingChoice;
import dev.cited.llm.OnnxEmbedder;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code cited bench-ingest DIR}: how long a folder takes to become answerable (BM25) and fully ready
 * (vectors), against the embedding model's own throughput measured in the same run on the same texts, with
 * memory, disk and question latency. The figures in docs/benchmarks.md under "Ingestion".
 */
@Command(name = "bench-ingest", sortOptions = false, description = {
        "Measures how fast a folder becomes answerable and fully ready.",
        "Measures the embedding model's batched throughput on DIR's passages and sentences, then starts on DIR as"
                + " the server does and reports the time until it answers with BM25, the time until every vector"
                + " is built, passages embedded per second against the model's own rate, resident memory, heap,"
                + " index size on disk and question latency. With --data, the index is kept there (a second run"
                + " measures a restart); otherwise in a temporary folder."})
final class IngestBenchmark implements Callable<Integer> {
    /** Texts the model's own throughput is measured on: enough for a steady rate, a small part of the run. */
    static final int SAMPLE = 1_000;
    private static final int QUESTIONS = 100;

    @ParentCommand
    CitedCommand cited;

    @Parameters(paramLabel = "DIR", description = "the documents folder to ingest")
    Path folder;

    @Mixin
    ConfigFlags flags;

    @Option(names = "--until", paramLabel = "STAGE", defaultValue = "ready", description = {
            "ready (default): wait until every vector is built; answerable: stop once the folder answers with BM25"
                    + " and say how long the vectors would take at the measured rate (for folders too large to"
                    + " embed in one sitting)"})
    String until;

    @Override
    public Integer call() throws Exception {
        if (!until.equals("ready") && !until.equals("answerable")) {
            cited.err.println("cited: --until is 'ready' or 'answerable', not '" + until + "'");
            return 2;
        }
        return run(cited.config(flags).build(), folder, until.equals("ready"), cited.out);
    }

    static int run(CitedConfig base, Path folder, PrintStream out) throws Exception {
        return run(base, folder, true, out);
    }

    static int run(CitedConfig base, Path folder, boolean untilReady, PrintStream out) throws Exception {
        Path data = base.dataDir() != null ? base.dataDir() : Files.createTempDirectory("cited-bench-");
        CitedConfig config = base.toBuilder().seeds(folder).dataDir(data).port(0).watch(false)
                .vectorsInBackground(true).build();
        out.printf(Locale.ROOT, "machine: %d cores, Java %s, %s %s; max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().maxMemory() >> 20);
        double modelRate = modelThroughput(folder, config, out);

        long started = System.nanoTime();
        try (CitedEngine engine = CitedEngine.create(config, System.getenv())) {
            double answerable = seconds(started);
            CollectionProgress first = engine.collection().progress();
            out.printf(Locale.ROOT, "answerable with BM25 after %.1f s: %,d files, %,d passages (%s)%n", answerable,
                    first.files().indexed(), first.passages().total(), first.state());
            List<String> questions = questions(engine);
            out.printf(Locale.ROOT, "questions while vectors are built: %s%n", latency(engine, questions));
            if (!untilReady) {
                CollectionProgress now = engine.collection().progress();
                out.printf(Locale.ROOT, "stopping at 'answerable' after %.1f s: %,d of %,d passages embedded so far;"
                                + " at the model's own %.1f passages/s every vector would take %.0f min%n",
                        seconds(started), now.passages().embedded(), now.passages().total(), modelRate,
                        now.passages().total() / modelRate / 60);
                memory(data, out);
                return 0;
            }
            CollectionProgress last = first;
            long reported = System.nanoTime();
            while (!engine.index().awaitVectors(java.time.Duration.ofSeconds(30))) {
                last = engine.collection().progress();
                if (seconds(reported) >= 60) {
                    out.printf(Locale.ROOT, "  %.0f s: %,d of %,d passages embedded, %s passages/s, about %s s left%n",
                            seconds(started), last.passages().embedded(), last.passages().total(), last.perSecond(),
                            last.secondsLeft());
                    reported = System.nanoTime();
                }
            }
            double ready = seconds(started);
            CollectionProgress done = engine.collection().progress();
            int embeddedNow = done.passages().embedded() - first.passages().embedded();
            double vectorSeconds = ready - answerable;
            double rate = embeddedNow / Math.max(vectorSeconds, 1e-9);
            out.printf(Locale.ROOT, "fully ready after %.1f s: %,d passages embedded in %.1f s (%.1f passages/s, "
                    + "the model alone %.2f× faster)%n", ready, embeddedNow, vectorSeconds, rate, modelRate / rate);
            out.printf(Locale.ROOT, "questions when ready: %s%n", latency(engine, questions));
            memory(data, out);
        }
        return 0;
    }

    private static void memory(Path data, PrintStream out) {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        out.printf(Locale.ROOT, "memory: RSS %s (peak %s), heap used after GC %d MB; index on disk %d MB (%s)%n",
                Benchmark.residentSet(), Benchmark.peakResidentSet(), (rt.totalMemory() - rt.freeMemory()) >> 20,
                sizeOf(data.resolve("index")) >> 20, data);
    }

    /**
     * The model's own rate on passages of the folder, batched as the index embeds them, and on sentences (what
     * a question embeds for the passages it retrieved); returns passages per second.
     */
    private static double modelThroughput(Path folder, CitedConfig config, PrintStream out) {
        if ("bm25".equalsIgnoreCase(config.retrieval())) {
            return Double.NaN;
        }
        List<Document> documents = new ArrayList<>();
        for (Document d : DocumentLoader.read(folder, config.limits()).documents()) {
            documents.add(d);
            if (documents.size() >= 50) {
                break;
            }
        }
        List<String> passages = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        PassageChunker chunker = new PassageChunker();
        for (Document d : documents) {
            for (Passage p : chunker.chunk(d)) {
                if (passages.size() < SAMPLE) {
                    passages.add(p.documentTitle() + "\n" + p.text());
                }
                for (Span s : p.sentences()) {
                    if (sentences.size() < SAMPLE) {
                        sentences.add(p.textOf(s));
                    }
                }
            }
        }
        Embedder model = OnnxEmbedder.forPassages(EmbeddingChoice.parse(config.embedding()));
        model.embedAll(passages.subList(0, Math.min(32, passages.size()))); // warm up
        double passagesPerSecond = Double.NaN;
        for (var sample : Map.of("passages", passages, "sentences", sentences).entrySet()) {
            long t = System.nanoTime();
            for (int from = 0; from < sample.getValue().size(); from += 32) {
                model.embedAll(sample.getValue().subList(from, Math.min(sample.getValue().size(), from + 32)));
            }
            double rate = sample.getValue().size() / seconds(t);
            passagesPerSecond = sample.getKey().equals("passages") ? rate : passagesPerSecond;
            out.printf(Locale.ROOT, "model %s alone, batches of 32: %.1f %s/s (%,d texts)%n", model.name(),
                    rate, sample.getKey(), sample.getValue().size());
        }
        return passagesPerSecond;
    }

    /** Questions made from the collection itself, the same each run: the first words of every nth passage. */
    private static List<String> questions(CitedEngine engine) {
        List<Document> documents = engine.index().documents();
        List<String> questions = new ArrayList<>();
        int step = Math.max(1, documents.size() / QUESTIONS);
        for (int i = 0; i < documents.size() && questions.size() < QUESTIONS; i += step) {
            String text = documents.get(i).text();
            String[] words = text.substring(Math.min(text.length(), text.length() / 3)).split("\\s+");
            StringBuilder q = new StringBuilder("What about");
            for (int w = 1; w < Math.min(words.length, 9); w++) {
                q.append(' ').append(words[w].replaceAll("[^\\p{L}\\p{N}-]", ""));
            }
            questions.add(q.toString().trim() + "?");
        }
        return questions;
    }

    private static String latency(CitedEngine engine, List<String> questions) {
        List<Double> millis = new ArrayList<>();
        for (String q : questions) {
            long t = System.nanoTime();
            engine.conversations().ask(AskRequest.of(q));
            millis.add((System.nanoTime() - t) / 1e6);
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms (%d questions)", Evaluator.percentile(millis, 50),
                Evaluator.percentile(millis, 95), millis.size());
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
