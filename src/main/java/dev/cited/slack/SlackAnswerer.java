package dev.cited.slack;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cited.answer.ModelException;
import dev.cited.conversation.AskRequest;
import dev.cited.conversation.AskResult;
import dev.cited.conversation.ConversationService;
import dev.cited.feedback.Feedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow half of a question, run on a worker: ask the conversation service and deliver the reply — in the
 * thread via chat.postMessage (with an 👀 reaction while working), or to a slash command's response_url; and
 * thanks for feedback at the clicked message's response_url.
 */
public final class SlackAnswerer {
    private static final Logger LOG = LoggerFactory.getLogger(SlackAnswerer.class);
    static final String WORKING_REACTION = "eyes";
    static final String APOLOGY = "Sorry, I couldn't answer that just now: the answering model failed. "
            + "Please try again in a moment.";
    static final String FAILURE = "Sorry, something went wrong while answering. Please try again in a moment.";
    static final String EMPTY_MENTION = "Ask me a question about the documents, for example: "
            + "\"Who is Jens Stoltenberg?\" I answer in this thread, with the exact quotes I used.";
    static final String THANKS_UP = "Thanks, glad it helped. Your 👍 is recorded.";
    static final String THANKS_DOWN = "Thanks for telling us. Your 👎 is recorded and helps improve the answers.";
    static final String TOO_LONG = "That question is too long: please keep it under "
            + ConversationService.MAX_QUESTION_LENGTH + " characters.";

    private final ConversationService conversations;
    private final SlackWebApi api;
    private final ResponseUrlClient responseUrls;
    private final AnswerFormatter formatter;

    public SlackAnswerer(ConversationService conversations, SlackWebApi api, ResponseUrlClient responseUrls,
                         AnswerFormatter formatter) {
        this.conversations = conversations;
        this.api = api;
        this.responseUrls = responseUrls;
        this.formatter = formatter;
    }

    /** Answers a mention or direct message in its thread; the thread is the conversation. */
    public void answerInThread(String channel, String ts, String threadRoot, String question) {
        boolean reacted = api.addReaction(channel, ts, WORKING_REACTION);
        try {
            SlackReply reply = reply(question, ConversationIds.forThread(channel, threadRoot));
            if (!api.postMessage(channel, threadRoot, reply)) {
                LOG.error("Could not post the answer in {} thread {}", channel, threadRoot);
            }
        } finally {
            if (reacted) {
                api.removeReaction(channel, ts, WORKING_REACTION);
            }
        }
    }

    /** Answers a slash command by posting to its response_url: in_channel when answered, else ephemeral. */
    public void answerSlashCommand(String question, String responseUrl) {
        SlackReply reply;
        String responseType = "in_channel";
        try {
            reply = formatter.answer(conversations.ask(new AskRequest(question, null, false, ConversationIds.OWNER)));
        } catch (ModelException e) {
            LOG.warn("Model failed answering a slash command: {}", e.getMessage());
            reply = formatter.notice(APOLOGY);
            responseType = "ephemeral";
        } catch (RuntimeException e) {
            LOG.error("Answering a slash command failed", e);
            reply = formatter.notice(FAILURE);
            responseType = "ephemeral";
        }
        if (!responseUrls.post(responseUrl, reply.responseUrlPayload(responseType).toString())) {
            LOG.error("Could not deliver a slash command's answer to its response_url");
        }
    }

    /** Tells only the person who clicked 👍/👎 that it counted; the answer itself stays as it was. */
    public void thank(Feedback.Rating rating, String responseUrl) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("response_type", "ephemeral");
        body.put("replace_original", false);
        body.put("text", rating == Feedback.Rating.UP ? THANKS_UP : THANKS_DOWN);
        if (!responseUrls.post(responseUrl, body.toString())) {
            LOG.warn("Could not thank for feedback at its response_url");
        }
    }

    /** Tells a thread its question could not be taken on (the queue stayed full through Slack's retries). */
    void busy(String channel, String threadRoot) {
        api.postMessage(channel, threadRoot, formatter.notice(SlackRoutes.BUSY));
    }

    private SlackReply reply(String question, String conversationId) {
        if (question.isBlank()) {
            return formatter.notice(EMPTY_MENTION);
        }
        if (question.length() > ConversationService.MAX_QUESTION_LENGTH) {
            return formatter.notice(TOO_LONG);
        }
        try {
            AskResult result = conversations.ask(new AskRequest(question, conversationId, false, ConversationIds.OWNER));
            return formatter.answer(result);
        } catch (ModelException e) {
            LOG.warn("Model failed answering in {}: {}", conversationId, e.getMessage());
            return formatter.notice(APOLOGY);
        } catch (RuntimeException e) {
            LOG.error("Answering in {} failed", conversationId, e);
            return formatter.notice(FAILURE);
        }
    }
}
