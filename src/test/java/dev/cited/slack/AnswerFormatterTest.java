package dev.cited.slack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cited.citation.Citation;
import dev.cited.conversation.AskResult;
import dev.cited.feedback.Feedback;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerFormatterTest {

    private static AskResult grounded() {
        return new AskResult("slack-C1-1.1", 2, "Stoltenberg warned about <shells> & ammunition [1].", true,
                List.of(new Citation(1, "doc/004 a", "Korea & Europe", "North Korea is providing ammunition", 10, 45)),
                List.of(), "extractive", "Stoltenberg North Korea", null);
    }

    @Test
    void givenAGroundedAnswer_whenFormatted_thenEscapedAnswerSourcesAndButtons() {
        SlackReply reply = new AnswerFormatter(null).answer(grounded());
        JsonNode blocks = reply.blocks();

        assertEquals("section", blocks.get(0).path("type").asText());
        assertEquals("mrkdwn", blocks.get(0).path("text").path("type").asText());
        assertEquals("Stoltenberg warned about &lt;shells&gt; &amp; ammunition [1].",
                blocks.get(0).path("text").path("text").asText());

        assertEquals("context", blocks.get(1).path("type").asText());
        String sources = blocks.get(1).path("elements").get(0).path("text").asText();
        assertEquals("*Sources*\n[1] Korea &amp; Europe — \"North Korea is providing ammunition\"", sources);

        JsonNode actions = blocks.get(2);
        assertEquals("actions", actions.path("type").asText());
        assertEquals("👍", actions.path("elements").get(0).path("text").path("text").asText());
        assertEquals("👎", actions.path("elements").get(1).path("text").path("text").asText());
        FeedbackButton up = FeedbackButton.parse(actions.path("elements").get(0).path("value").asText()).orElseThrow();
        assertEquals(new FeedbackButton(Feedback.Rating.UP, 2, "slack-C1-1.1"), up);

        assertTrue(reply.text().startsWith("Stoltenberg warned about &lt;shells&gt;"));
        assertTrue(reply.text().contains("Sources:\n[1] Korea &amp; Europe — \"North Korea is providing ammunition\""));
    }

    @Test
    void givenAPublicUrl_whenFormatted_thenSourcesLinkToTheWebUi() {
        SlackReply reply = new AnswerFormatter("https://cited.example.org/").answer(grounded());
        String sources = reply.blocks().get(1).path("elements").get(0).path("text").asText();
        assertTrue(sources.contains("[1] <https://cited.example.org/#doc=doc%2F004%20a&amp;start=10&amp;end=45"
                + "|Korea &amp; Europe> — \"North Korea is providing ammunition\""), sources);
    }

    @Test
    void givenAnAbstention_whenFormatted_thenPlainAnswerWithoutSources() {
        AskResult abstained = new AskResult("c1", 1, "The documents don't cover this.", false, List.of(), List.of(),
                "extractive", "weather", null);
        SlackReply reply = new AnswerFormatter(null).answer(abstained);
        assertEquals(2, reply.blocks().size());
        assertEquals("The documents don't cover this.", reply.blocks().get(0).path("text").path("text").asText());
        assertEquals("actions", reply.blocks().get(1).path("type").asText());
        assertFalse(reply.text().contains("Sources"));
    }

    @Test
    void givenManyLongQuotes_whenFormatted_thenEveryTextFitsSlacksLimits() {
        List<Citation> citations = new ArrayList<>();
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= 8; i++) {
            citations.add(new Citation(i, "d" + i, "Title " + i, "q".repeat(1500), 0, 1500));
            answer.append("Claim ").append(i).append(" [").append(i).append("]. ").append("y".repeat(600));
        }
        SlackReply reply = new AnswerFormatter("http://localhost:7070")
                .answer(new AskResult("c1", 1, answer.toString(), true, citations, List.of(), "extractive", "q", null));
        assertTrue(reply.blocks().get(0).path("text").path("text").asText().length() <= 3000);
        assertEquals("section", reply.blocks().get(1).path("type").asText(), "a 5,000-character answer takes two");
        String sources = reply.blocks().get(2).path("elements").get(0).path("text").asText();
        assertTrue(sources.length() <= 3000, "sources length " + sources.length());
        for (int i = 1; i <= 8; i++) {
            assertTrue(sources.contains("[" + i + "] <http://localhost:7070/#doc=d" + i), sources);
        }
        assertTrue(reply.text().length() <= 4000);
    }

    @Test
    void givenALongAnswer_whenFormatted_thenItIsPostedWholeOverSectionsOfAtMost3000CharactersCutBetweenSentences() {
        StringBuilder answer = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            answer.append("Sentence ").append(i).append(" says something about the shipments, at some length [1]. ");
            if (i % 20 == 0) {
                answer.append("\n\n");
            }
            answer.append("x".repeat(100)).append(". ");
        }
        String text = answer.toString().strip();
        SlackReply reply = new AnswerFormatter(null).answer(new AskResult("c1", 1, text, true,
                List.of(new Citation(1, "d", "T", "q", 0, 1)), List.of(), "extractive", "q", null));
        List<String> sections = new ArrayList<>();
        for (JsonNode block : reply.blocks()) {
            if (block.path("type").asText().equals("section")) {
                sections.add(block.path("text").path("text").asText());
            }
        }
        assertTrue(sections.size() >= 3, sections.size() + " sections");
        sections.forEach(part -> assertTrue(part.length() <= 3000, part.length() + " characters"));
        sections.subList(0, sections.size() - 1).forEach(part -> assertTrue(part.endsWith("."), "cut after a sentence: " + part.substring(part.length() - 20)));
        assertEquals(text.replaceAll("\\s+", " "), String.join(" ", sections).replaceAll("\\s+", " "), "nothing lost");
    }

    @Test
    void givenAnAnswerLongerThanAMessageHolds_whenFormatted_thenAtMost50BlocksAndItSaysWhereItWasCut() {
        SlackReply reply = new AnswerFormatter(null).answer(new AskResult("c1", 1, "word ".repeat(40_000), true,
                List.of(new Citation(1, "d", "T", "q", 0, 1)), List.of(), "extractive", "q", null));
        assertTrue(reply.blocks().size() <= 50, reply.blocks().size() + " blocks");
        String last = reply.blocks().get(AnswerFormatter.MAX_ANSWER_SECTIONS - 1).path("text").path("text").asText();
        assertTrue(last.length() <= 3000 && last.contains("the answer was cut here"), last.substring(last.length() - 100));
    }

    @Test
    void givenButtonValues_whenParsed_thenOnlyWellFormedAccepted() {
        assertEquals(new FeedbackButton(Feedback.Rating.DOWN, 3, "slack-C1-1.1"),
                FeedbackButton.parse("down|3|slack-C1-1.1").orElseThrow());
        assertTrue(FeedbackButton.parse("sideways|3|c").isEmpty());
        assertTrue(FeedbackButton.parse("up|0|c").isEmpty());
        assertTrue(FeedbackButton.parse("up|x|c").isEmpty());
        assertTrue(FeedbackButton.parse("up|1|").isEmpty());
        assertTrue(FeedbackButton.parse("up|1").isEmpty());
        assertTrue(FeedbackButton.parse(null).isEmpty());
    }

    @Test
    void givenStatementsTheSourcesDoNotSupport_whenFormatted_thenAShortNoteSaysSoAndTheyAreNotPosted() {
        AskResult result = new AskResult("c1", 1, "North Korea sent shells [1].", true,
                List.of(new Citation(1, "d", "Doc", "North Korea sent shells", 0, 23)),
                List.of(new dev.cited.grounding.UnsupportedStatement("It sent 9m shells.", "the claim says 9m where the source says 6m")),
                "openai:x", "q", null);
        SlackReply reply = new AnswerFormatter(null).answer(result);

        assertFalse(reply.text().contains("9m shells"), reply.text());
        assertTrue(reply.text().contains("1 statement removed: not supported by the sources"), reply.text());
        assertTrue(reply.blocks().toString().contains("_1 statement removed: not supported by the sources_"));
        assertTrue(reply.blocks().toString().contains("cited_unsupported"));

        AskResult clean = new AskResult("c1", 1, "North Korea sent shells [1].", true, result.citations(), List.of(),
                "openai:x", "q", null);
        assertFalse(new AnswerFormatter(null).answer(clean).blocks().toString().contains("cited_unsupported"));
    }

    @Test
    void givenAStatementKeptFlagged_whenFormatted_thenTheNoteSaysNotVerifiedRatherThanRemoved() {
        AskResult result = new AskResult("c1", 1, "North Korea sent shells [1]. ⚠ It sent 9m shells.", true,
                List.of(new Citation(1, "d", "Doc", "North Korea sent shells", 0, 23)),
                List.of(new dev.cited.grounding.UnsupportedStatement("It sent 9m shells.", "the claim says 9m where the source says 6m", true)),
                "openai:x", "q", null);

        assertEquals("1 statement not verified: not supported by the sources", AnswerFormatter.unsupportedNote(result));
    }
}
