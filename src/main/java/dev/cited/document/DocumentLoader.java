package dev.cited.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads every *.txt and *.md file of a folder and its subfolders (not hidden ones); empty or unreadable files
 * are skipped with a warning.
 */
public final class DocumentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentLoader.class);

    /** How deep below the folder documents are looked for; links are not followed, so this only bounds work. */
    static final int MAX_DEPTH = 16;

    private DocumentLoader() {
    }

    public static List<Document> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Documents folder not found: " + folder.toAbsolutePath());
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder, MAX_DEPTH)) {
            files = walk.filter(p -> !p.equals(folder) && !hidden(folder.relativize(p)))
                    .filter(DocumentLoader::isDocument)
                    .sorted(Comparator.comparing((Path p) -> idOf(folder, p)).thenComparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("Cannot list documents folder " + folder + ": " + e.getMessage(), e);
        }
        List<Document> documents = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : files) {
            String id = idOf(folder, file);
            Path taken = ids.get(id);
            if (taken != null) {
                // Two files, one id ("notes.md", "notes.txt"): citations name documents by id, so keep one.
                LOG.warn("Skipping {}: its id '{}' is already used by {}", file, id, taken.getFileName());
                continue;
            }
            read(file, id).ifPresent(document -> {
                documents.add(document);
                ids.put(id, file);
            });
        }
        return documents;
    }

    /**
     * The path below the folder without its extension, with {@code /} between folders:
     * "004_c0a5f909db2a0263.txt" is "004_c0a5f909db2a0263", "guide/install.md" is "guide/install".
     */
    static String idOf(Path folder, Path file) {
        List<String> parts = new ArrayList<>();
        folder.relativize(file).forEach(part -> parts.add(part.toString()));
        String path = String.join("/", parts);
        int dot = path.lastIndexOf('.');
        return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
    }

    /** A dot-file or anything inside a dot-folder (".git", ".obsidian"): never a document. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".txt") || name.endsWith(".md")); // dot-files: hidden()
    }

    private static java.util.Optional<Document> read(Path file, String id) {
        String text;
        try {
            // Strict decoding: a file that is not UTF-8 would give offsets into garbled text.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            LOG.warn("Skipping {}: not valid UTF-8", file);
            return java.util.Optional.empty();
        } catch (IOException e) {
            LOG.warn("Skipping {}: cannot be read ({})", file, e.getMessage());
            return java.util.Optional.empty();
        }
        if (text.isBlank()) {
            LOG.warn("Skipping {}: empty", file);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Document(id, TitleExtractor.titleOf(text, id), text));
    }
}
