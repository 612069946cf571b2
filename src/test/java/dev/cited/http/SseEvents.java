package dev.cited.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Parses a complete text/event-stream body into its events (event name + JSON data). */
final class SseEvents {
    record Event(String name, String data) {
        JsonNode json() {
            try {
                return ApiClient.JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("event data is not JSON: " + data, e);
            }
        }
    }

    private SseEvents() {
    }

    static List<Event> parse(String body) {
        List<Event> events = new ArrayList<>();
        String name = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line : body.split("\r\n|\r|\n", -1)) {
            if (line.isEmpty()) {
                if (any) {
                    events.add(new Event(name, data.toString()));
                }
                name = "message";
                data.setLength(0);
                any = false;
            } else if (line.startsWith(":")) {
                continue;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
                any = true;
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                String value = line.substring(5);
                data.append(value.startsWith(" ") ? value.substring(1) : value);
                any = true;
            }
        }
        if (any) {
            throw new AssertionError("the stream ended inside an event: " + name + " " + data);
        }
        return events;
    }
}
