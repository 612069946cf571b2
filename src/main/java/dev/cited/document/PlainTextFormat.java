package dev.cited.document;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Plain text, served exactly as it is (strict UTF-8: another encoding would give offsets into garbled text). */
final class PlainTextFormat implements DocumentFormat {

    @Override
    public Set<String> extensions() {
        return Set.of("txt", "text");
    }

    @Override
    public Extracted read(Path file, int maxChars) throws UnreadableFile {
        String text = utf8(file);
        if (text.isBlank()) {
            throw UnreadableFile.skipped("empty file");
        }
        if (text.length() > maxChars) {
            throw UnreadableFile.tooLong(maxChars);
        }
        return new Extracted(text, null, "text/plain", List.of());
    }

    /** The file as strict UTF-8. */
    static String utf8(Path file) throws UnreadableFile {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            throw UnreadableFile.skipped("not valid UTF-8 text");
        } catch (IOException e) {
            throw UnreadableFile.failed("could not be read: " + e.getMessage(), e);
        }
    }
}
