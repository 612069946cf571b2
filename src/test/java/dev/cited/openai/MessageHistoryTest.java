package dev.cited.openai;

import dev.cited.answer.HistoryTurn;
import dev.cited.citation.Citation;
import dev.cited.pipeline.Question;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** messages → question and history, and the sources list appended to content and stripped from it again. */
class MessageHistoryTest {
    private static Question parse(String messages) {
        return MessageHistory.parse(V1Client.json(messages)).question();
    }

    @Test
    void turnsPairUpAndSystemMessagesAreIgnored() {
        Question q = parse("""
                [{"role":"system","content":"You are terse."},
                 {"role":"user","content":"Who is Jens Stoltenberg?"},
                 {"role":"assistant","content":"He led NATO [1]."},
                 {"role":"user","content":[{"type":"text","text":"What did he"},{"type":"text","text":"say?"}]}]""");
        assertEquals("What did he\nsay?", q.text());
        assertEquals(List.of(new HistoryTurn("Who is Jens Stoltenberg?", "He led NATO [1].")), q.history());
    }

    @Test
    void anAssistantMessageSentBackLosesItsSourcesList() {
        List<Citation> citations = List.of(new Citation(1, "doc", "A title", "Line one\nline two.", 3, 21, 4),
                new Citation(2, "other", "Other", "Quote.", 0, 6));
        String content = SourcesList.append("He led NATO [1] and spoke [2].", citations);
        assertEquals("He led NATO [1] and spoke [2].\n\nSources:\n[1] A title, p. 4: \"Line one line two.\"\n"
                + "[2] Other: \"Quote.\"", content);
        Question q = parse("[{\"role\":\"user\",\"content\":\"Who?\"},{\"role\":\"assistant\",\"content\":"
                + V1Client.JSON.valueToTree(content) + "},{\"role\":\"user\",\"content\":\"And then?\"}]");
        assertEquals("He led NATO [1] and spoke [2].", q.history().get(0).answer());
        // text that only looks like a heading is kept
        String notAList = "Here it is.\n\nSources:\nnone that I know";
        assertEquals(notAList, SourcesList.strip(notAList));
        assertEquals("No sources.", SourcesList.append("No sources.", List.of()));
    }

    @Test
    void oddOrdersAreToleratedAsDocumented() {
        Question q = parse("""
                [{"role":"assistant","content":"Hello! Ask me anything."},
                 {"role":"user","content":"First?"},
                 {"role":"user","content":"Second?"},
                 {"role":"assistant","content":"Part one."},
                 {"role":"assistant","content":"Part two."},
                 {"role":"user","content":"Third?"}]""");
        assertEquals("Third?", q.text());
        assertEquals(List.of(new HistoryTurn("First?", ""), new HistoryTurn("Second?", "Part one.\n\nPart two.")),
                q.history());
    }

    @Test
    void textChunksJoinToTheTextExactly() {
        String text = "Since the war began,  Kim Jong Un has dispatched\nan estimated 6m artillery shells [1].\n\nSources:\n[1] T";
        List<String> pieces = TextChunks.split(text);
        assertEquals(text, String.join("", pieces));
        assertEquals(true, pieces.size() > 2);
        assertEquals(List.of(), TextChunks.split(""));
    }
}
