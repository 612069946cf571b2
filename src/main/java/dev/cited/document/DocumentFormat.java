package dev.cited.document;

import java.nio.file.Path;
import java.util.Set;

/**
 * Reads one kind of file into the text Cited serves. Formats are looked up by file extension
 * ({@link DocumentFormats}), one per input format.
 */
public interface DocumentFormat {

    /** The file extensions it reads, lower case, without the dot. */
    Set<String> extensions();

    /**
     * @param maxChars text longer than this is not served (a bomb, or a whole archive)
     * @throws UnreadableFile with the reason a user reads
     */
    Extracted read(Path file, int maxChars) throws UnreadableFile;
}
