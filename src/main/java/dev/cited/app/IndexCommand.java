package dev.cited.app;

import dev.cited.collection.CollectionProgress;
import dev.cited.collection.LiveCollection;
import dev.cited.document.Library;
import dev.cited.index.PassageIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code cited index DIR --data DATA}: reads a folder and builds its index, vectors included, in a data folder,
 * showing progress, so a later {@code serve --data DATA} starts at once. Run again, it redoes only what
 * changed; stopped midway, it resumes from what it had committed.
 */
@Command(name = "index", sortOptions = false, description = {"Builds a folder's index ahead of serving it.",
        "Reads DIR and builds its index in DATA (BM25 first, then vectors), with a progress bar on a terminal."
                + " Then `serve --seeds DIR --data DATA` starts without indexing again. Run again, only new and"
                + " changed files are read and embedded."})
final class IndexCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "the documents folder to index")
    Path folder;

    @Mixin
    ConfigFlags flags;

    @Override
    public Integer call() {
        CitedConfig config = cited.config(flags).seeds(folder).build();
        if (config.dataDir() == null) {
            throw new ParameterException(spec.commandLine(),
                    "index needs --data DATA (or CITED_DATA): the folder to keep the index in");
        }
        return run(config, cited.out, cited.err);
    }

    static int run(CitedConfig config, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(config.seeds())) {
            err.println("cited: no such folder: " + config.seeds());
            return 2;
        }
        boolean dense = !CitedEngine.retrievalMode(config).equals("bm25");
        long started = System.nanoTime();
        LiveCollection collection = CitedEngine.openCollection(config,
                dense ? dev.cited.llm.EmbeddingChoice.parse(config.embedding()) : null);
        try (PassageIndex index = collection.index(); collection) {
            Library library;
            try (ProgressDisplay display = ProgressDisplay.start(collection::progress, err, ProgressDisplay.onTerminal())) {
                library = collection.refresh();
                index.awaitVectors(Duration.ofDays(1));
            }
            CollectionProgress.Files files = collection.progress().files();
            out.printf(Locale.ROOT, "Indexed %s into %s in %.1f s: %,d documents, %,d passages%s%s%n",
                    config.seeds(), config.dataDir(), (System.nanoTime() - started) / 1e9, library.documents().size(),
                    index.passageCount(), dense ? " with vectors" : " (BM25 only)",
                    files.skipped() + files.failed() == 0 ? "" : String.format(Locale.ROOT,
                            "; %,d files skipped and %,d failed (see /api/files once served)", files.skipped(), files.failed()));
            return 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
