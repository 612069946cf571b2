package dev.cited.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Slack's text conventions: escaping for mrkdwn, and turning a user's message back into a plain question. */
public final class SlackText {
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(\\s*<@[A-Z0-9]+(?:\\|[^>]*)?>[\\s,:]*)+");
    private static final Pattern ANGLE = Pattern.compile("<([^<>]*)>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SlackText() {
    }

    /** Escapes the three characters Slack treats as control characters: {@code & < >}. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The question in a message addressed to the bot: the bot's {@code <@U…>} mentions removed (wherever they are;
     * any leading mention when the bot's id is unknown), other markup turned into plain text, whitespace collapsed.
     */
    public static String question(String text, String botUserId) {
        if (text == null) {
            return "";
        }
        String t = text;
        if (botUserId != null && !botUserId.isBlank()) {
            t = t.replaceAll("<@" + Pattern.quote(botUserId) + "(?:\\|[^>]*)?>[,:]?", " ");
        } else {
            t = LEADING_MENTIONS.matcher(t).replaceFirst(" ");
        }
        return SPACES.matcher(toPlain(t)).replaceAll(" ").trim();
    }

    /** Slack markup to plain text: {@code <@U1|ann>} → {@code @ann}, {@code <http://x|label>} → label, entities decoded. */
    public static String toPlain(String text) {
        Matcher m = ANGLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(plainToken(m.group(1))));
        }
        m.appendTail(out);
        return out.toString().replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    private static String plainToken(String inner) {
        int bar = inner.indexOf('|');
        String target = bar >= 0 ? inner.substring(0, bar) : inner;
        String label = bar >= 0 ? inner.substring(bar + 1) : null;
        if (target.startsWith("@")) {
            return "@" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("#")) {
            return "#" + (label != null ? label : target.substring(1));
        }
        if (target.startsWith("!")) {
            return label != null ? label : "@" + target.substring(1);
        }
        return label != null ? label : target;
    }

    /** Cuts text to at most {@code max} characters, ending with an ellipsis when cut. */
    public static String truncate(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Math.max(0, max - 1);
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
