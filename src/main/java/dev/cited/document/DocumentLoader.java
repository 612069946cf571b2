package dev.cited.document;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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

/** Reads every *.txt and *.md file of a folder; empty or unreadable files are skipped with a warning. */
public final class DocumentLoader {
    private static final Logger LOG = LoggerFactory.getLogger(DocumentLoader.class);

    private DocumentLoader() {
    }

    public static List<Document> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("Documents folder not found: " + folder.toAbsolutePath());
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = listing.sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot list documents folder " + folder + ": " + e.getMessage(), e);
        }
        List<Path> subfolders = entries.stream()
                .filter(p -> Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")).toList();
        if (!subfolders.isEmpty()) {
            LOG.warn("Not reading {} subfolder(s) of {} ({}): only the files directly in it are loaded",
                    subfolders.size(), folder, subfolders.stream().map(p -> p.getFileName().toString()).toList());
        }
        List<Document> documents = new ArrayList<>();
        Map<String, Path> ids = new HashMap<>();
        for (Path file : entries.stream().filter(DocumentLoader::isDocument).toList()) {
            Path taken = ids.get(idOf(file));
            if (taken != null) {
                // Two files, one id ("notes.md", "notes.txt"): citations name documents by id, so keep one.
                LOG.warn("Skipping {}: its id '{}' is already used by {}", file, idOf(file), taken.getFileName());
                continue;
            }
            read(file).ifPresent(document -> {
                documents.add(document);
                ids.put(document.id(), file);
            });
        }
        return documents;
    }

    /** The file name without its extension: "004_c0a5f909db2a0263.txt" is "004_c0a5f909db2a0263". */
    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static boolean isDocument(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && !name.startsWith(".") && (name.endsWith(".txt") || name.endsWith(".md"));
    }

    private static java.util.Optional<Document> read(Path file) {
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
        String id = idOf(file);
        return java.util.Optional.of(new Document(id, TitleExtractor.titleOf(text, id), text));
    }
}
