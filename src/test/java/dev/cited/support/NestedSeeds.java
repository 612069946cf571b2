package dev.cited.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The seeds laid out as someone's notes folder might hold them: one at the top, one two folders down. */
public final class NestedSeeds {
    public static final String TOP_ID = "000_c82d24561d5ead93";
    public static final String NESTED_ID = "news/korea/004_c0a5f909db2a0263";

    private NestedSeeds() {
    }

    public static void layOut(Path folder) throws IOException {
        Files.copy(Path.of("seeds", TOP_ID + ".txt"), folder.resolve(TOP_ID + ".txt"));
        Files.createDirectories(folder.resolve("news/korea"));
        Files.copy(Path.of("seeds", "004_c0a5f909db2a0263.txt"), folder.resolve(NESTED_ID + ".txt"));
    }
}
