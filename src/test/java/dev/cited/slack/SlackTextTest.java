package dev.cited.slack;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlackTextTest {

    @Test
    void givenControlCharacters_whenEscaped_thenEntities() {
        assertEquals("a &amp; b &lt;c&gt; &amp;amp;", SlackText.escape("a & b <c> &amp;"));
    }

    @Test
    void givenAMentionOfTheBot_whenQuestionTaken_thenMentionStripped() {
        assertEquals("Who is Jens Stoltenberg?", SlackText.question("<@UBOT> Who is Jens Stoltenberg?", "UBOT"));
        assertEquals("Who is he?", SlackText.question("<@UBOT|cited>: Who is he?", "UBOT"));
        assertEquals("what about this?", SlackText.question("what about <@UBOT> this?", "UBOT"));
    }

    @Test
    void givenTheBotIdUnknown_whenQuestionTaken_thenLeadingMentionsStripped() {
        assertEquals("ask @ann about it", SlackText.question("<@UBOT> ask <@U2|ann> about it", null));
    }

    @Test
    void givenSlackMarkup_whenQuestionTaken_thenPlainText() {
        assertEquals("Is A < B & C > D in #general, see example.com?",
                SlackText.question("<@UBOT>  Is A &lt; B &amp; C &gt; D in <#C1|general>,\n see"
                        + " <https://example.com|example.com>?", "UBOT"));
    }

    @Test
    void givenLongText_whenTruncated_thenEllipsisWithinLimit() {
        String cut = SlackText.truncate("x".repeat(50), 10);
        assertEquals(10, cut.length());
        assertTrue(cut.endsWith("…"));
        assertEquals("short", SlackText.truncate("short", 10));
    }

    @Test
    void givenAThread_whenConversationIdDerived_thenStableAndAllowed() {
        assertEquals("slack-C123-1700000000.000100", ConversationIds.forThread("C123", "1700000000.000100"));
        String id = ConversationIds.forThread("C 1/é" + "x".repeat(200), "1.2");
        assertTrue(id.matches("[A-Za-z0-9._:-]{1,128}"), id);
    }
}
