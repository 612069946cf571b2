package dev.cited.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskResult;
import dev.cited.feedback.Feedback;
import dev.cited.grounding.UnsupportedStatement;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an answer into a Slack message: the answer as mrkdwn, a "Sources" context listing
 * {@code [n] title — "quote"} (linked to the web UI's source view when a public URL is known), and 👍/👎 buttons.
 */
public final class AnswerFormatter {
    /** Slack's limit for a section's or a context element's text. */
    static final int MAX_TEXT = 3000;
    /** Slack's 50 blocks a message, less the sources, the note and the buttons. */
    static final int MAX_ANSWER_SECTIONS = 45;
    /** Slack truncates longer {@code text} fallbacks; keep well under. */
    static final int MAX_FALLBACK = 3900;
    static final String FEEDBACK_BLOCK_ID = "cited_feedback";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final String publicUrl;

    /** @param publicUrl where users reach the web UI, or null for unlinked sources */
    public AnswerFormatter(String publicUrl) {
        String url = publicUrl == null ? "" : publicUrl.trim();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.publicUrl = url.isEmpty() ? null : url;
    }

    public SlackReply answer(AskResult result) {
        ArrayNode blocks = JSON.arrayNode();
        List<String> parts = sections(SlackText.escape(result.answer()));
        parts.forEach(part -> blocks.add(section(part)));
        List<Citation> citations = result.grounded() ? result.citations() : List.of();
        if (!citations.isEmpty()) {
            blocks.add(sources(citations));
        }
        String note = unsupportedNote(result);
        if (note != null) {
            blocks.add(context("cited_unsupported", "_" + note + "_"));
        }
        blocks.add(feedbackButtons(result.conversationId(), result.turn()));

        StringBuilder text = new StringBuilder(SlackText.escape(result.answer()));
        if (note != null) {
            text.append("\n\n").append(note);
        }
        if (!citations.isEmpty()) {
            text.append("\n\nSources:");
            for (Citation c : citations) {
                text.append('\n').append(SlackText.escape(plainSource(c)));
            }
        }
        return new SlackReply(SlackText.truncate(text.toString(), MAX_FALLBACK), blocks);
    }

    /**
     * The answer in sections of at most 3,000 characters (Slack's limit for one), cut between paragraphs, else
     * between sentences, else between words, so a long answer is posted whole. Slack takes at most 50 blocks a
     * message; the answer gets {@link #MAX_ANSWER_SECTIONS} of them, the rest being for sources, note and buttons,
     * and an answer longer still (over 130,000 characters) ends with a line saying where it was cut.
     */
    static List<String> sections(String text) {
        List<String> parts = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty() && parts.size() < MAX_ANSWER_SECTIONS) {
            if (rest.length() <= MAX_TEXT) {
                parts.add(rest);
                rest = "";
                break;
            }
            int cut = cutPoint(rest, MAX_TEXT);
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            String last = parts.remove(parts.size() - 1);
            parts.add(SlackText.truncate(last, MAX_TEXT - 80) + "\n_(the answer was cut here: it is longer than a"
                    + " Slack message can hold)_");
        }
        if (parts.isEmpty()) {
            parts.add("");
        }
        return parts;
    }

    /** Where to end a section of at most {@code max} characters: a paragraph, sentence or word end if there is one. */
    private static int cutPoint(String text, int max) {
        for (String boundary : new String[]{"\n\n", ". ", "\n", " "}) {
            int at = text.lastIndexOf(boundary, max - boundary.length());
            if (at > max / 2) {
                return at + boundary.length();
            }
        }
        int cut = max;
        if (Character.isHighSurrogate(text.charAt(cut - 1))) {
            cut--;
        }
        return cut;
    }

    /** A plain message (apology, usage, busy) in the same shape, without sources or buttons. */
    public SlackReply notice(String message) {
        ArrayNode blocks = JSON.arrayNode();
        String escaped = SlackText.truncate(SlackText.escape(message), MAX_TEXT);
        blocks.add(section(escaped));
        return new SlackReply(escaped, blocks);
    }

    /** The web UI's view of a cited passage, or null without a public URL. */
    public String sourceLink(Citation c) {
        if (publicUrl == null) {
            return null;
        }
        return publicUrl + "/#doc=" + URLEncoder.encode(c.documentId(), StandardCharsets.UTF_8).replace("+", "%20")
                + "&start=" + c.start() + "&end=" + c.end();
    }

    private ObjectNode sources(List<Citation> citations) {
        // One mrkdwn element with a line per source; quotes are shortened only as far as the 3,000-character
        // limit needs.
        int overhead = "*Sources*".length();
        for (Citation c : citations) {
            overhead += 1 + sourceLine(c, "").length();
        }
        int quoteBudget = Integer.MAX_VALUE;
        int quotesLength = citations.stream().mapToInt(c -> SlackText.escape(c.quote()).length()).sum();
        if (overhead + quotesLength > MAX_TEXT - 20) {
            quoteBudget = Math.max(40, (MAX_TEXT - 20 - overhead) / citations.size());
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Sources*");
        for (Citation c : citations) {
            String quote = SlackText.escape(c.quote());
            if (quote.length() > quoteBudget) {
                quote = SlackText.truncate(quote, quoteBudget);
            }
            lines.add(sourceLine(c, quote));
        }
        return context("cited_sources", SlackText.truncate(String.join("\n", lines), MAX_TEXT));
    }

    private static ObjectNode context(String blockId, String mrkdwn) {
        ObjectNode element = JSON.objectNode();
        element.put("type", "mrkdwn");
        element.put("text", mrkdwn);
        ObjectNode block = JSON.objectNode();
        block.put("type", "context");
        block.put("block_id", blockId);
        block.putArray("elements").add(element);
        return block;
    }

    /**
     * "1 statement removed: not supported by the sources" when the answerer wrote what nothing retrieved
     * supports; "… not verified …" for statements kept marked ⚠ ({@code --grounding flag}). Null otherwise.
     */
    static String unsupportedNote(AskResult result) {
        if (result.unsupported().isEmpty()) {
            return null;
        }
        long kept = result.unsupported().stream().filter(UnsupportedStatement::flagged).count();
        long removed = result.unsupported().size() - kept;
        return removed > 0 ? plural(removed) + " removed: not supported by the sources"
                : plural(kept) + " not verified: not supported by the sources";
    }

    private static String plural(long n) {
        return n + (n == 1 ? " statement" : " statements");
    }

    private String sourceLine(Citation c, String escapedQuote) {
        String title = SlackText.escape(title(c)).replace("|", "¦");
        String link = sourceLink(c);
        String label = link == null ? title : "<" + SlackText.escape(link) + "|" + title + ">";
        return "[" + c.marker() + "] " + label + " — \"" + escapedQuote + "\"";
    }

    private static String plainSource(Citation c) {
        return "[" + c.marker() + "] " + title(c) + " — \"" + c.quote() + "\"";
    }

    private static String title(Citation c) {
        return c.title() == null || c.title().isBlank() ? c.documentId() : c.title();
    }

    private static ObjectNode section(String mrkdwn) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "section");
        ObjectNode text = block.putObject("text");
        text.put("type", "mrkdwn");
        text.put("text", mrkdwn.isEmpty() ? " " : mrkdwn);
        return block;
    }

    private static ObjectNode feedbackButtons(String conversationId, int turn) {
        ObjectNode block = JSON.objectNode();
        block.put("type", "actions");
        block.put("block_id", FEEDBACK_BLOCK_ID);
        ArrayNode elements = block.putArray("elements");
        elements.add(button(new FeedbackButton(Feedback.Rating.UP, turn, conversationId), "👍", "Helpful"));
        elements.add(button(new FeedbackButton(Feedback.Rating.DOWN, turn, conversationId), "👎", "Not helpful"));
        return block;
    }

    private static ObjectNode button(FeedbackButton feedback, String emoji, String label) {
        ObjectNode button = JSON.objectNode();
        button.put("type", "button");
        button.put("action_id", feedback.actionId());
        ObjectNode text = button.putObject("text");
        text.put("type", "plain_text");
        text.put("text", emoji);
        text.put("emoji", true);
        button.put("value", feedback.value());
        button.put("accessibility_label", label);
        return button;
    }
}
