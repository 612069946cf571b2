package dev.cited.slack;

import com.fasterxml.jackson.databind.JsonNode;

/** The fields of an {@code app_mention} or {@code message} event that the bot looks at. */
public record MessageEvent(String type, String channel, String channelType, String user, String botId,
                           String subtype, String text, String ts, String threadTs) {

    public static MessageEvent from(JsonNode event) {
        return new MessageEvent(text(event, "type"), text(event, "channel"), text(event, "channel_type"),
                text(event, "user"), text(event, "bot_id"), text(event, "subtype"), text(event, "text"),
                text(event, "ts"), text(event, "thread_ts"));
    }

    /** An app mention, or a message in a direct message with the bot. */
    public boolean addressedToBot() {
        return "app_mention".equals(type) || ("message".equals(type) && "im".equals(channelType));
    }

    /** Posted by a bot (this one or another), or a message with a subtype (edits, joins, bot_message, …). */
    public boolean fromBotOrSystem() {
        return botId != null || subtype != null || user == null;
    }

    public boolean complete() {
        return channel != null && ts != null;
    }

    /** The thread to answer in: the event's thread, else the message itself starts one. */
    public String threadRoot() {
        return threadTs != null ? threadTs : ts;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
