package dev.cited.index;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cited.document.Document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an on-disk index was built from: the settings every passage depends on (chunking, embedding model)
 * and a hash of each document, so a later start can tell which documents are new, changed or gone and
 * re-index only those.
 */
record IndexManifest(String settings, Map<String, String> documentHashes) {
    static final String FILE = "cited-manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static IndexManifest of(String settings, List<Document> documents) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (Document document : documents) {
            hashes.put(document.id(), hash(document.id() + "\u0000" + document.text()));
        }
        return new IndexManifest(settings, hashes);
    }

    /** Ids of documents that are new here or whose text differs from {@code previous}. */
    Set<String> addedOrChangedSince(IndexManifest previous) {
        Set<String> ids = new TreeSet<>();
        documentHashes.forEach((id, hash) -> {
            if (!hash.equals(previous.documentHashes.get(id))) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** Ids in {@code previous} that are no longer here. */
    Set<String> removedSince(IndexManifest previous) {
        Set<String> ids = new TreeSet<>(previous.documentHashes.keySet());
        ids.removeAll(documentHashes.keySet());
        return ids;
    }

    void write(Path folder) throws IOException {
        Path temp = folder.resolve(FILE + ".tmp");
        JSON.writeValue(temp.toFile(), this);
        Files.move(temp, folder.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The manifest in {@code folder}; empty when there is none or it cannot be read (then the index is rebuilt). */
    static Optional<IndexManifest> read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            IndexManifest manifest = JSON.readValue(file.toFile(), IndexManifest.class);
            return manifest.settings() == null || manifest.documentHashes() == null
                    ? Optional.empty() : Optional.of(manifest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static void delete(Path folder) throws IOException {
        Files.deleteIfExists(folder.resolve(FILE));
    }

    private static String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
