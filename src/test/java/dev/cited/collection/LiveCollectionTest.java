package dev.cited.collection;

import dev.cited.chunking.PassageChunker;
import dev.cited.document.DocumentLoader;
import dev.cited.document.LoadLimits;
import dev.cited.index.PassageIndex;
import dev.cited.retrieval.Bm25Retriever;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real folder, a real (BM25) index: files written, changed and removed while it is served; uploads. */
class LiveCollectionTest {
    /** The bound a live change must be answerable within (the watcher reacts in about a second). */
    private static final Duration WITHIN = Duration.ofSeconds(20);

    @TempDir
    Path folder;
    private LiveCollection collection;

    private LiveCollection open() throws Exception {
        Files.writeString(folder.resolve("harbour.md"), "# Harbour\n\nThe harbour counted 412 tankers in March.");
        collection = new LiveCollection(new DocumentLoader(folder, LoadLimits.DEFAULT),
                PassageIndex.open(new PassageChunker(), null, null));
        collection.refresh();
        return collection;
    }

    @AfterEach
    void close() throws Exception {
        if (collection != null) {
            collection.close();
            collection.index().close();
        }
    }

    @Test
    void givenAWatchedFolder_whenFilesAreAddedChangedAndRemoved_thenAnswersFollowWithoutARestart() throws Exception {
        open().watch(Duration.ofMinutes(10)); // the rescan is far off: the watcher itself must see the changes
        Bm25Retriever bm25 = new Bm25Retriever(collection.index());

        Files.writeString(folder.resolve("pilots.txt"), "The pilot boats were repainted blue in April.");
        waitFor(() -> !bm25.retrieve("pilot boats repainted", 3).isEmpty(), "a new file is answerable");
        assertEquals("pilots", bm25.retrieve("pilot boats repainted", 3).get(0).passage().documentId());

        Files.writeString(folder.resolve("pilots.txt"), "The pilot boats were sold to a museum in June.");
        waitFor(() -> !bm25.retrieve("museum", 3).isEmpty(), "a changed file is answerable as it now is");
        assertTrue(bm25.retrieve("repainted", 3).isEmpty(), "its old text is gone");

        Files.delete(folder.resolve("pilots.txt"));
        waitFor(() -> collection.index().document("pilots").isEmpty(), "a removed file is no longer served");
        assertTrue(bm25.retrieve("museum", 3).isEmpty());
        assertEquals(List.of("harbour"), collection.index().documents().stream().map(d -> d.id()).toList());
        assertEquals("ready", collection.progress().state());
    }

    @Test
    void givenAnUnchangedFolder_whenRefreshedAgain_thenNothingIsReadOrIndexedAgain() throws Exception {
        open();
        long version = collection.index().generation();
        collection.refresh();
        assertEquals(version, collection.index().generation(), "the index did not change");
        assertEquals(1, collection.progress().files().indexed());
    }

    @Test
    void givenUploads_whenAdded_thenStoredIndexedAndReported() throws Exception {
        Uploads uploads = new Uploads(open());
        List<Uploads.Added> added = uploads.add(List.of(file("notes.md", "# Dock notes\n\nCrane 7 was repaired."),
                file("broken.pdf", "%PDF-1.4 not really")));

        assertEquals("indexed", added.get(0).report().status().label());
        assertEquals("notes", added.get(0).report().documentId());
        assertTrue(collection.index().document("notes").isPresent());
        assertEquals("Dock notes", collection.index().document("notes").get().title());
        assertEquals("failed", added.get(1).report().status().label());
        assertTrue(added.get(1).report().reason() != null && !added.get(1).report().reason().isBlank());
        assertFalse(Files.exists(folder.resolve("broken.pdf")), "a file nobody can ask about is not kept");
        assertTrue(Files.exists(folder.resolve("notes.md")));
        try (var listing = Files.list(folder)) {
            assertEquals(List.of("harbour.md", "notes.md"), listing.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no temporary files left");
        }
    }

    @Test
    void givenABrokenReplacement_whenUploaded_thenTheFileItWouldReplaceIsKept() throws Exception {
        Uploads uploads = new Uploads(open());
        List<Uploads.Added> added = uploads.add(List.of(file("harbour.md", "")));

        assertEquals("skipped", added.get(0).report().status().label(), added.get(0).report().toString());
        assertTrue(Files.readString(folder.resolve("harbour.md")).contains("412 tankers"));
        assertTrue(collection.index().document("harbour").isPresent());
    }

    @Test
    void givenABadRequest_whenUploaded_thenNothingIsStoredAndTheReasonIsPlain() throws Exception {
        Uploads uploads = new Uploads(open());
        Uploads.Rejected unsupported = assertThrows(Uploads.Rejected.class,
                () -> uploads.add(List.of(file("ok.txt", "Fine."), file("tune.mp3", "ID3"))));
        assertEquals(Uploads.Rejected.Kind.UNSUPPORTED, unsupported.kind());
        assertTrue(unsupported.getMessage().contains("tune.mp3") && unsupported.getMessage().contains("pdf"));
        assertFalse(Files.exists(folder.resolve("ok.txt")), "a rejected request stores nothing");

        Uploads.IncomingFile huge = new Uploads.IncomingFile("huge.txt", LoadLimits.DEFAULT.maxFileBytes() + 1,
                () -> new ByteArrayInputStream(new byte[0]));
        assertEquals(Uploads.Rejected.Kind.TOO_LARGE, assertThrows(Uploads.Rejected.class,
                () -> uploads.add(List.of(huge))).kind());
        assertEquals(Uploads.Rejected.Kind.BAD_REQUEST, assertThrows(Uploads.Rejected.class,
                () -> uploads.add(List.of(file("../.secret.txt", "x")))).kind());
        assertEquals(Uploads.Rejected.Kind.BAD_REQUEST, assertThrows(Uploads.Rejected.class,
                () -> uploads.add(List.of())).kind());
        assertEquals("evil.txt", Uploads.nameOf("../../etc/evil.txt"), "only the name is kept, never a path");
    }

    @Test
    void givenADocument_whenDeleted_thenItsFileAndPassagesGo() throws Exception {
        Uploads uploads = new Uploads(open());
        assertEquals("harbour.md", uploads.delete("harbour").orElseThrow());
        assertFalse(Files.exists(folder.resolve("harbour.md")));
        try (var trash = Files.list(folder.resolve(Uploads.TRASH))) {
            assertTrue(Files.readString(trash.findFirst().orElseThrow()).contains("412 tankers"), "kept aside, not lost");
        }
        assertTrue(collection.index().documents().isEmpty());
        assertEquals(0, collection.index().passageCount());
        assertTrue(uploads.delete("harbour").isEmpty(), "an unknown id deletes nothing");
    }

    private static Uploads.IncomingFile file(String name, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Uploads.IncomingFile(name, bytes.length, () -> new ByteArrayInputStream(bytes));
    }

    private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within " + WITHIN.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
