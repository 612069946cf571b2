package dev.cited.pipeline;

import dev.cited.answer.Answer;
import dev.cited.answer.AnswerContext;
import dev.cited.answer.Answerer;
import dev.cited.answer.ModelException;
import dev.cited.answer.QuestionDeadline;
import dev.cited.answer.Stage;
import dev.cited.answer.StageListener;
import dev.cited.answer.TokenListener;
import dev.cited.retrieval.Query;
import dev.cited.retrieval.QueryAnalyzer;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.ScoredPassage;

import java.util.List;
import java.util.Objects;

/**
 * Rewrite → analyse → retrieve → answer and verify. The query is analysed once ({@link Query}: its terms, whether
 * it asks about the collection as a whole) and that analysis travels with it to the retriever and the answerer.
 */
public final class DefaultQuestionPipeline implements QuestionPipeline {
    /** Passages retrieved per question: the only places its citations may point into. */
    public static final int PASSAGES_PER_QUESTION = 5;

    private final QueryRewriter rewriter;
    private final QueryAnalyzer analyzer;
    private final Retriever retriever;
    private final Answerer answerer;
    private final int passagesPerQuestion;
    private final StageListener stages;

    private DefaultQuestionPipeline(Builder builder) {
        this.retriever = Objects.requireNonNull(builder.retriever, "retriever");
        this.answerer = Objects.requireNonNull(builder.answerer, "answerer");
        this.rewriter = builder.rewriter != null ? builder.rewriter : new HeuristicQueryRewriter();
        this.analyzer = Objects.requireNonNull(builder.analyzer, "analyzer");
        this.passagesPerQuestion = builder.passagesPerQuestion;
        this.stages = builder.stages != null ? builder.stages : StageListener.NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public GroundedAnswer answer(Question question, TokenListener listener) {
        // One clock for every model call of this question: --model-timeout bounds the rewrite and the answer together.
        try (QuestionDeadline deadline = QuestionDeadline.start(answerer.modelBudget())) {
            // Only a follow-up is rewritten; timing first questions too would bury the model's rewrites in zeros.
            String searchQuery = question.history().isEmpty() ? question.text()
                    : stages.time(Stage.REWRITE, () -> rewriter.rewrite(question.text(), question.history()));
            Query query = analyzer.analyze(searchQuery);
            List<ScoredPassage> passages = stages.time(Stage.RETRIEVAL,
                    () -> retriever.retrieve(query, passagesPerQuestion));
            Answer answer = answerer.answer(new AnswerContext(question.text(), query, question.history(), passages),
                    listener, stages);
            return new GroundedAnswer(searchQuery, answer, answerer.name());
        } catch (ModelException e) {
            stages.modelFailed(e.isTimeout());
            throw e;
        }
    }

    @Override
    public String modelName() {
        return answerer.name();
    }

    public static final class Builder {
        private QueryRewriter rewriter;
        private QueryAnalyzer analyzer;
        private Retriever retriever;
        private Answerer answerer;
        private int passagesPerQuestion = PASSAGES_PER_QUESTION;
        private StageListener stages;

        /** Turns follow-ups into standalone queries; the offline heuristic by default. */
        public Builder rewriter(QueryRewriter rewriter) { this.rewriter = rewriter; return this; }
        /** Analyses each query once, for every later stage. */
        public Builder analyzer(QueryAnalyzer analyzer) { this.analyzer = analyzer; return this; }
        public Builder retriever(Retriever retriever) { this.retriever = retriever; return this; }
        public Builder answerer(Answerer answerer) { this.answerer = answerer; return this; }
        public Builder passagesPerQuestion(int k) { this.passagesPerQuestion = k; return this; }
        /** Told where each answer spends its time (/metrics). */
        public Builder stages(StageListener stages) { this.stages = stages; return this; }

        public DefaultQuestionPipeline build() {
            return new DefaultQuestionPipeline(this);
        }
    }
}
