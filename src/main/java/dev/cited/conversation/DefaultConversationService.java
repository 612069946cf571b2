package dev.cited.conversation;

import dev.cited.answer.Answer;
import dev.cited.answer.HistoryTurn;
import dev.cited.answer.TokenListener;
import dev.cited.pipeline.GroundedAnswer;
import dev.cited.pipeline.Question;
import dev.cited.pipeline.QuestionPipeline;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Loads the conversation so far, has the pipeline answer, remembers the turn. */
public final class DefaultConversationService implements ConversationService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final QuestionPipeline pipeline;
    private final ConversationStore store;

    public DefaultConversationService(QuestionPipeline pipeline, ConversationStore store) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public AskResult ask(AskRequest request, TokenListener listener) {
        String conversationId = request.conversationId() != null ? request.conversationId() : newId();
        Optional<Conversation> existing = store.find(conversationId);
        if (existing.isPresent() && !existing.get().ownedBy(request.owner())) {
            throw new ConversationNotFoundException(conversationId); // before any work, and nothing revealed
        }
        List<HistoryTurn> history = existing.map(Conversation::turns).orElse(List.of()).stream()
                .map(t -> new HistoryTurn(t.question(), t.searchQuery(), t.result().answer())).toList();
        Question question = new Question(request.question(), history);
        GroundedAnswer grounded = pipeline.answer(question, listener);
        Answer answer = grounded.answer();
        AskResult result = new AskResult(conversationId, 0, answer.text(), answer.grounded(), answer.citations(),
                answer.unsupported(), grounded.model(), grounded.searchQuery(),
                request.explain() ? answer.verdicts() : null);
        int turn = store.append(conversationId, request.owner(),
                new Turn(question.text(), grounded.searchQuery(), result.withoutVerdicts()));
        return result.withTurn(turn);
    }

    @Override
    public boolean hasTurn(String conversationId, String owner, int turn) {
        return store.hasTurn(conversationId, owner, turn);
    }

    @Override
    public String modelName() {
        return pipeline.modelName();
    }

    private static String newId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "c-" + HexFormat.of().formatHex(bytes);
    }
}
