package dev.cited.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A message for Slack: the plain {@code text} fallback (notifications, clients without blocks) and its Block Kit
 * {@code blocks}.
 */
public record SlackReply(String text, ArrayNode blocks) {

    public String blocksJson() {
        return blocks.toString();
    }

    /** The JSON body for a {@code response_url}: {@code response_type} ("in_channel"/"ephemeral"), text, blocks. */
    public ObjectNode responseUrlPayload(String responseType) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode();
        payload.put("response_type", responseType);
        payload.put("replace_original", false);
        payload.put("text", text);
        payload.set("blocks", blocks.deepCopy());
        return payload;
    }
}
