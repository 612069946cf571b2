package dev.cited.app;

import dev.cited.answer.Answerer;
import dev.cited.answer.ChatModelAnswerer;
import dev.cited.answer.DraftGrounder;
import dev.cited.answer.ExtractiveAnswerer;
import dev.cited.answer.PromptTemplate;
import dev.cited.grounding.ClaimVerifier;
import dev.cited.grounding.DefaultClaimVerifier;
import dev.cited.grounding.EvidencePool;
import dev.cited.grounding.GroundingMode;
import dev.cited.grounding.SentenceSupport;
import dev.cited.grounding.SupportFinder;
import dev.cited.chunking.PassageChunker;
import dev.cited.conversation.ConversationService;
import dev.cited.conversation.DefaultConversationService;
import dev.cited.collection.LiveCollection;
import dev.cited.collection.Uploads;
import dev.cited.document.Document;
import dev.cited.document.DocumentLoader;
import dev.cited.eval.EvalCommand;
import dev.cited.feedback.FeedbackStore;
import dev.cited.slack.EventKeys;
import dev.cited.index.CachingEmbedder;
import dev.cited.index.Embedder;
import dev.cited.index.PassageIndex;
import dev.cited.index.VectorFormat;
import dev.cited.llm.ChatModels;
import dev.cited.llm.EmbeddingChoice;
import dev.cited.llm.ModelSpec;
import dev.cited.llm.OnnxEmbedder;
import dev.cited.pipeline.DefaultQuestionPipeline;
import dev.cited.pipeline.HeuristicQueryRewriter;
import dev.cited.pipeline.ModelQueryRewriter;
import dev.cited.pipeline.QueryRewriter;
import dev.cited.pipeline.QuestionPipeline;
import dev.cited.retrieval.Bm25Retriever;
import dev.cited.retrieval.DenseRetriever;
import dev.cited.retrieval.HybridRetriever;
import dev.cited.retrieval.IndexTermStatistics;
import dev.cited.retrieval.EmbeddingSentenceSimilarity;
import dev.cited.retrieval.OverviewRetriever;
import dev.cited.retrieval.QueryAnalyzer;
import dev.cited.retrieval.Retriever;
import dev.cited.retrieval.SentenceSimilarity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The core wired together from a configuration, with no web server: documents, index, retriever,
 * answerer, conversations and feedback. Built once at start; nothing in it is rebuilt per question.
 */
public final class CitedEngine implements EvalCommand.Engine {
    private static final Logger LOG = LoggerFactory.getLogger(CitedEngine.class);
    private static final int QUERY_CACHE_SIZE = 1024;

    private final LiveCollection collection;
    private final PassageIndex index;
    private final Uploads uploads;
    private final Retriever retriever;
    private final QueryAnalyzer queries;
    private final QuestionPipeline pipeline;
    private final ConversationService conversations;
    private final Stores stores;
    private final StageRelay stages;

    private CitedEngine(LiveCollection collection, Retriever retriever, QueryAnalyzer queries,
                        QuestionPipeline pipeline, Stores stores, StageRelay stages) {
        this.collection = collection;
        this.index = collection.index();
        this.uploads = new Uploads(collection);
        this.retriever = retriever;
        this.queries = queries;
        this.pipeline = pipeline;
        this.conversations = new DefaultConversationService(pipeline, stores.conversations());
        this.stores = stores;
        this.stages = stages;
    }

    /** hybrid, bm25 or dense. */
    static String retrievalMode(CitedConfig config) {
        String mode = config.retrieval() == null ? "hybrid" : config.retrieval().trim().toLowerCase(java.util.Locale.ROOT);
        if (!List.of("hybrid", "bm25", "dense").contains(mode)) {
            throw new IllegalArgumentException("Unknown retrieval '" + config.retrieval() + "': use hybrid, bm25 or dense");
        }
        return mode;
    }

    /** The documents folder and its index (in the data folder, or in memory), not read yet. */
    /** @param embedding the model that embeds passages and sentences; null for a BM25-only index */
    static LiveCollection openCollection(CitedConfig config, EmbeddingChoice embedding) {
        return new LiveCollection(new DocumentLoader(config.seeds(), config.limits()),
                PassageIndex.open(new PassageChunker(), embedding == null ? null : OnnxEmbedder.forPassages(embedding),
                        embedding == null ? null : OnnxEmbedder.forSentences(embedding), config.dataDir(),
                        VectorFormat.parse(config.vectors())));
    }

    /**
     * @param env where model keys and URLs are read from (System.getenv() in production)
     * @throws IllegalArgumentException for a configuration that cannot work, with a message for the user
     */
    public static CitedEngine create(CitedConfig config, Map<String, String> env) {
        return create(config, env, java.util.function.UnaryOperator.identity(), collection -> { });
    }

    /**
     * @param verifiers wraps the claim verifier (the benchmark times it)
     * @param opened    told of the collection before it is first read, to show its progress
     */
    static CitedEngine create(CitedConfig config, Map<String, String> env,
                              java.util.function.UnaryOperator<ClaimVerifier> verifiers,
                              java.util.function.Consumer<LiveCollection> opened) {
        ModelSpec spec = ModelSpec.parse(config.model());
        GroundingMode grounding = GroundingMode.parse(config.grounding());
        EmbeddingChoice embedding = EmbeddingChoice.parse(config.embedding());
        String mode = retrievalMode(config);
        // Model settings and prompts first: a mistake there should not wait for the index to be built.
        ChatModels models = spec.isExtractive() ? null : ChatModels.create(spec, env, config.modelTimeout());
        PromptTemplate answerPrompt = models == null ? null : PromptTemplate.load(config.promptsDir(), "answer");
        PromptTemplate rewritePrompt = models == null ? null : PromptTemplate.load(config.promptsDir(), "rewrite");
        boolean dense = !mode.equals("bm25");
        Stores stores = Stores.open(config); // a database that cannot be opened should not wait for the index either
        LiveCollection collection;
        try {
            collection = openCollection(config, dense ? embedding : null);
        } catch (RuntimeException e) {
            stores.close();
            throw e;
        }
        PassageIndex index = collection.index();
        opened.accept(collection);
        try {
            List<Document> documents = collection.refresh().documents(); // answerable with BM25 from here
            if (documents.isEmpty()) {
                LOG.warn("No documents found in {}: every question will be answered with 'the documents don't say'"
                        + " until some are added", config.seeds().toAbsolutePath());
            }
            if (!config.vectorsInBackground()) {
                index.awaitVectors(Duration.ofDays(1));
            }
            if (config.watch()) {
                collection.watch(config.rescanEvery());
            }
        } catch (RuntimeException e) {
            collection.close();
            closeQuietly(index);
            stores.close();
            throw e;
        }
        // One cache for query embeddings: retrieval and sentence scoring embed each question once.
        Embedder queries = dense ? new CachingEmbedder(OnnxEmbedder.forQueries(embedding), QUERY_CACHE_SIZE) : null;
        Retriever bm25 = new Bm25Retriever(index);
        Retriever retriever = new OverviewRetriever(switch (mode) {
            case "bm25" -> bm25;
            case "dense" -> new DenseRetriever(index, queries);
            default -> new HybridRetriever(bm25, new DenseRetriever(index, queries));
        }, index);
        SentenceSimilarity similarity = index.sentenceVectors()
                .<SentenceSimilarity>map(vectors -> new EmbeddingSentenceSimilarity(vectors, queries))
                .orElse(SentenceSimilarity.NONE);
        // Claims are compared with sentences as sentences are with each other: embedded as passages are.
        SentenceSimilarity claimSimilarity = index.sentenceVectors()
                .<SentenceSimilarity>map(vectors -> new EmbeddingSentenceSimilarity(vectors,
                        new CachingEmbedder(OnnxEmbedder.forSentences(embedding), QUERY_CACHE_SIZE)))
                .orElse(SentenceSimilarity.NONE);
        IndexTermStatistics statistics = new IndexTermStatistics(index);
        SentenceSupport support = new SentenceSupport(statistics);
        QueryAnalyzer queryAnalyzer = new QueryAnalyzer(statistics);
        ClaimVerifier verifier = verifiers.apply(new DefaultClaimVerifier(support, claimSimilarity));
        EvidencePool evidence = new EvidencePool(index::document, index::passage);
        Answerer answerer;
        QueryRewriter rewriter = new HeuristicQueryRewriter();
        if (models == null) {
            answerer = new ExtractiveAnswerer(support, similarity, embedding.answerThreshold(), verifier, evidence);
        } else {
            answerer = new ChatModelAnswerer(spec.label(), models.chat(), models.streaming(), answerPrompt,
                    new DraftGrounder(evidence, new SupportFinder(verifier, support), support, grounding), config.modelTimeout());
            rewriter = new ModelQueryRewriter(models.chat(), rewritePrompt, rewriter);
        }
        StageRelay stages = new StageRelay();
        QuestionPipeline pipeline = DefaultQuestionPipeline.builder().rewriter(rewriter).analyzer(queryAnalyzer)
                .retriever(retriever).answerer(answerer).stages(stages).build();
        LOG.info("Ready: {} documents, {} passages; retrieval {}, model {}{}", index.documents().size(),
                index.passageCount(), retriever.name(), answerer.name(),
                index.progress().ready() ? "" : "; vectors are being built in the background");
        return new CitedEngine(collection, retriever, queryAnalyzer, pipeline, stores, stages);
    }

    public PassageIndex index() {
        return index;
    }

    /** The documents folder and the index kept in step with it: files, progress, refresh. */
    public LiveCollection collection() {
        return collection;
    }

    /** Adds files to the collection and removes documents from it. */
    public Uploads uploads() {
        return uploads;
    }

    public Retriever retriever() {
        return retriever;
    }

    /** Answers a question with the history the caller gives: what every face's answers come from. */
    public QuestionPipeline pipeline() {
        return pipeline;
    }

    /** Analyses a query as the pipeline does before retrieving (for the faces that search without answering). */
    public QueryAnalyzer queryAnalyzer() {
        return queries;
    }

    /** What the MCP server's tools and resources answer from. */
    public dev.cited.mcp.McpSources mcpSources() {
        return new dev.cited.mcp.McpSources(conversations, retriever, queries, index);
    }

    /** Answers within stored conversations, through {@link #pipeline()}. */
    public ConversationService conversations() {
        return conversations;
    }

    /** Scores this engine on a question set, retrieving {@code k} passages per question. */
    @Override
    public dev.cited.eval.Evaluator evaluator(int k) {
        return new dev.cited.eval.Evaluator(conversations, retriever, id -> index.document(id).orElse(null), k);
    }

    /** Scores what this engine lets through of a model's answers, on a claim set. */
    @Override
    public dev.cited.eval.ClaimEvaluator claimEvaluator(int k) {
        return new dev.cited.eval.ClaimEvaluator(conversations, retriever, id -> index.document(id).orElse(null), k);
    }

    public FeedbackStore feedback() {
        return stores.feedback();
    }

    /** The conversations, as kept: what the service asks in, read back and listed by the faces. */
    public dev.cited.conversation.ConversationStore conversationStore() {
        return stores.conversations();
    }

    /** Whether requests sign in, and the keys and sessions they sign in with. */
    public dev.cited.access.Authentication authentication() {
        return stores.authentication();
    }

    /** Keys of the Slack requests already taken on. */
    public EventKeys slackKeys() {
        return stores.slackKeys();
    }

    /** Where answers' timings and model failures go from now on (the server's metrics). */
    public void reportStagesTo(dev.cited.answer.StageListener listener) {
        stages.to(listener);
    }

    @Override
    public void close() {
        collection.close(); // no more refreshes
        closeQuietly(index);
        stores.close();
    }

    private static void closeQuietly(PassageIndex index) {
        try {
            index.close(); // commits what was written; vectors not built yet are built at the next start
        } catch (IOException e) {
            LOG.warn("Closing the index: {}", e.getMessage());
        }
    }
}
