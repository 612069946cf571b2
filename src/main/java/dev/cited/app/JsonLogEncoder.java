package dev.cited.app;

import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Logback's JSON encoder (one object per line: level, logger, thread, message, MDC such as the request id,
 * key-value pairs, exception) with a readable {@code "time"} first, date and zone offset included
 * ({@code 2026-12-02T13:41:53.123+01:00}); logback's own {@code timestamp} is epoch milliseconds.
 */
public final class JsonLogEncoder extends JsonEncoder {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    private final ZoneId zone = ZoneId.systemDefault();

    @Override
    public byte[] encode(ILoggingEvent event) {
        byte[] json = super.encode(event);
        if (json.length == 0 || json[0] != '{') {
            return json;
        }
        String time = TIME.format(OffsetDateTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone));
        byte[] head = ("{\"time\":\"" + time + "\",").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + json.length - 1];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(json, 1, out, head.length, json.length - 1);
        return out;
    }
}
