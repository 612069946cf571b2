package dev.cited.conversation;

import dev.cited.answer.Answer;
import dev.cited.answer.AnswerContext;
import dev.cited.answer.Answerer;
import dev.cited.answer.QuestionDeadline;
import dev.cited.answer.HistoryTurn;
import dev.cited.answer.ModelException;
import dev.cited.answer.Stage;
import dev.cited.answer.StageListener;
import dev.cited.answer.TokenListener;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Rewrite the follow-up, retrieve, answer, remember. */
public final class DefaultConversationService implements ConversationService {
    /** Passages retrieved per question: the only places its citations may point into. */
    public static final int PASSAGES_PER_QUESTION = 5;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Retriever retriever;
    private final Answerer answerer;
    private final QueryRewriter rewriter;
    private final ConversationStore store;
    private final int passagesPerQuestion;
    private final StageListener stages;

    private DefaultConversationService(Builder builder) {
        this.retriever = Objects.requireNonNull(builder.retriever, "retriever");
        this.answerer = Objects.requireNonNull(builder.answerer, "answerer");
        this.rewriter = builder.rewriter != null ? builder.rewriter : new HeuristicQueryRewriter();
        this.store = builder.store != null ? builder.store : new InMemoryConversationStore();
        this.passagesPerQuestion = builder.passagesPerQuestion;
        this.stages = builder.stages != null ? builder.stages : StageListener.NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public AskResult ask(AskRequest request, TokenListener listener) {
        String question = request.question().strip();
        String conversationId = request.conversationId() != null ? request.conversationId() : newId();
        Optional<Conversation> existing = store.find(conversationId);
        if (existing.isPresent() && !existing.get().ownedBy(request.owner())) {
            throw new ConversationNotFoundException(conversationId); // before any work, and nothing revealed
        }
        List<Turn> history = existing.map(Conversation::turns).orElse(List.of());
        Answer answer;
        String searchQuery;
        // One clock for every model call of this question: --model-timeout bounds the rewrite and the answer together.
        try (QuestionDeadline deadline = QuestionDeadline.start(answerer.modelBudget())) {
            // Only a follow-up is rewritten; timing first questions too would bury the model's rewrites in zeros.
            searchQuery = history.isEmpty() ? rewriter.rewrite(question, history)
                    : stages.time(Stage.REWRITE, () -> rewriter.rewrite(question, history));
            String query = searchQuery;
            List<ScoredPassage> passages = stages.time(Stage.RETRIEVAL,
                    () -> retriever.retrieve(query, passagesPerQuestion));
            List<HistoryTurn> previous = history.stream()
                    .map(t -> new HistoryTurn(t.question(), t.result().answer())).toList();
            answer = answerer.answer(new AnswerContext(question, searchQuery, previous, passages), listener, stages);
        } catch (ModelException e) {
            stages.modelFailed(e.isTimeout());
            throw e;
        }
        AskResult result = new AskResult(conversationId, 0, answer.text(), answer.grounded(), answer.citations(),
                answer.unsupported(), answerer.name(), searchQuery, request.explain() ? answer.verdicts() : null);
        int turn = store.append(conversationId, request.owner(), new Turn(question, searchQuery, result.withoutVerdicts()));
        return result.withTurn(turn);
    }

    @Override
    public boolean hasTurn(String conversationId, String owner, int turn) {
        return store.hasTurn(conversationId, owner, turn);
    }

    @Override
    public String modelName() {
        return answerer.name();
    }

    private static String newId() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return "c-" + HexFormat.of().formatHex(bytes);
    }

    public static final class Builder {
        private Retriever retriever;
        private Answerer answerer;
        private QueryRewriter rewriter;
        private ConversationStore store;
        private int passagesPerQuestion = PASSAGES_PER_QUESTION;
        private StageListener stages;

        public Builder retriever(Retriever retriever) { this.retriever = retriever; return this; }
        public Builder answerer(Answerer answerer) { this.answerer = answerer; return this; }
        public Builder rewriter(QueryRewriter rewriter) { this.rewriter = rewriter; return this; }
        public Builder store(ConversationStore store) { this.store = store; return this; }
        public Builder passagesPerQuestion(int k) { this.passagesPerQuestion = k; return this; }
        /** Told where each answer spends its time (/metrics). */
        public Builder stages(StageListener stages) { this.stages = stages; return this; }

        public DefaultConversationService build() {
            return new DefaultConversationService(this);
        }
    }
}
