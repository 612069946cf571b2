package dev.cited.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a JSON Lines file (the question and claim sets), one object a line, blank lines skipped. */
final class JsonLines {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Turns one line into a value; {@code number} is the line's number from 1, for messages. */
    @FunctionalInterface
    interface LineReader<T> {
        T read(JsonNode line, int number);
    }

    private JsonLines() {
    }

    static <T> List<T> read(Path file, LineReader<T> reader) {
        List<T> values = new ArrayList<>();
        try {
            int number = 0;
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                number++;
                if (!line.isBlank()) {
                    values.add(reader.read(JSON.readTree(line), number));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return values;
    }
}
