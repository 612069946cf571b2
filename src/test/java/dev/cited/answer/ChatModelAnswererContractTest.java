package dev.cited.answer;

import dev.cited.grounding.GroundingMode;
import dev.cited.support.SeedGrounding;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The contract for the model-backed answerer, with an in-process model that behaves like a careful one:
 * it cites passage [1] when the question's key word appears in it and otherwise says NOT_IN_DOCUMENTS.
 * (Its HTTP behaviour against an OpenAI-compatible stand-in is tested in dev.cited.llm.)
 */
class ChatModelAnswererContractTest extends AnswererContract {

    static final class CarefulModel implements ChatModel {
        @Override
        public ChatResponse doChat(ChatRequest request) {
            String prompt = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
            String passages = prompt.substring(prompt.indexOf("Passages:"), prompt.indexOf("Conversation so far:"));
            String question = prompt.substring(prompt.lastIndexOf("Question:"));
            int fact = passages.indexOf("6m artillery shells");
            String reply = ChatModelAnswerer.NOT_FOUND;
            if (question.contains("artillery shells") && fact >= 0) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)] \\(").matcher(passages.substring(0, fact));
                String number = null;
                while (m.find()) {
                    number = m.group(1);
                }
                reply = "North Korea has sent an estimated 6m artillery shells [" + number + "]. It also sent missiles [42].";
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(reply)).build();
        }
    }

    private final Answerer answerer = new ChatModelAnswerer("test:careful", new CarefulModel(), null,
            PromptTemplate.load(Path.of("prompts"), "answer"),
            SeedGrounding.grounder(GroundingMode.STRICT), Duration.ofSeconds(10));

    @Override
    protected Answerer answerer() {
        return answerer;
    }
}
