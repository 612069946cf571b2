package dev.cited.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DocumentLoaderTest {

    @Test
    void givenTheSeeds_whenLoaded_thenTextIsByteForByteAndTitlesRead() throws Exception {
        List<Document> docs = DocumentLoader.load(Path.of("seeds"));
        assertEquals(List.of("000_c82d24561d5ead93", "004_c0a5f909db2a0263"), docs.stream().map(Document::id).toList());
        for (Document d : docs) {
            assertEquals(Files.readString(Path.of("seeds", d.id() + ".txt"), StandardCharsets.UTF_8), d.text());
        }
        assertEquals("Russia, Ukraine, and the two Koreas: How east Asian powers are influencing Europe’s security",
                docs.get(1).title());
        assertEquals("In a decisive statement on Monday, South Korea and the European Union jointly…", docs.get(0).title());
    }

    @Test
    void givenEmptyBinaryAndOtherFiles_whenLoaded_thenOnlyGoodTxtAndMdAreKept(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("good.md"), "# Notes on shells\nNorth Korea sent shells.");
        Files.writeString(dir.resolve("empty.txt"), "  \n");
        Files.write(dir.resolve("latin1.txt"), new byte[]{'c', 'a', 'f', (byte) 0xE9});
        Files.writeString(dir.resolve("ignored.pdf"), "not a text document");
        Files.createDirectory(dir.resolve("sub.txt"));
        List<Document> docs = DocumentLoader.load(dir);
        assertEquals(1, docs.size());
        assertEquals("good", docs.get(0).id());
        assertEquals("Notes on shells", docs.get(0).title());
    }

    @Test
    void givenTwoFilesWithOneId_whenLoaded_thenTheFirstIsKeptAndTheOtherSkipped(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "Plain notes about shells.");
        Files.writeString(dir.resolve("notes.md"), "Markdown notes about missiles.");
        Files.writeString(dir.resolve("other.txt"), "Other notes.");
        List<Document> docs = DocumentLoader.load(dir);
        assertEquals(List.of("notes", "other"), docs.stream().map(Document::id).toList());
        assertEquals("Markdown notes about missiles.", docs.get(0).text(), "notes.md sorts first and is kept");
    }

    @Test
    void givenSubfolders_whenLoaded_thenTheirFilesAreReadWithPathIdsAndHiddenFoldersSkipped(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("top.md"), "Top-level notes.");
        Files.createDirectories(dir.resolve("guide").resolve("advanced"));
        Files.writeString(dir.resolve("guide").resolve("install.md"), "Install notes.");
        Files.writeString(dir.resolve("guide").resolve("advanced").resolve("tuning.v2.txt"), "Tuning notes.");
        Files.createDirectory(dir.resolve(".git"));
        Files.writeString(dir.resolve(".git").resolve("description.txt"), "Not a document.");
        List<Document> docs = DocumentLoader.load(dir);
        assertEquals(List.of("guide/advanced/tuning.v2", "guide/install", "top"), docs.stream().map(Document::id).toList());
        assertEquals("Install notes.", docs.get(1).text());
    }

    @Test
    void givenAMissingFolder_whenLoaded_thenAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DocumentLoader.load(Path.of("no-such-folder")));
        assertEquals(true, e.getMessage().contains("no-such-folder"));
    }
}
