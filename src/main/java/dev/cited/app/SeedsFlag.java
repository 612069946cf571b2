package dev.cited.app;

import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --seeds DIR}, for the commands that are not given their folder as an argument (index is). */
final class SeedsFlag {
    @Option(names = "--seeds", paramLabel = "DIR", order = 1,
            description = "documents folder (txt, md, pdf, docx, pptx, xlsx, html, epub, eml, …)"
                    + "  [CITED_SEEDS, default seeds]")
    Path seeds;

    CitedConfig.Builder over(CitedConfig.Builder b) {
        return seeds == null ? b : b.seeds(seeds);
    }
}
