package dev.cited.app;

import dev.cited.answer.Stage;
import dev.cited.answer.StageListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where answers spend their time ({@code cited_answer_stage_seconds{stage="retrieval|model|verification|rewrite"}})
 * and how often the model fails ({@code cited_model_failures_total{kind="error|timeout"}}).
 */
final class AnswerMetrics implements StageListener {
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60)};

    private final Map<Stage, Timer> stages = new EnumMap<>(Stage.class);
    private final Counter errors;
    private final Counter timeouts;

    AnswerMetrics(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            stages.put(stage, Timer.builder("cited.answer.stage")
                    .description("Time an answer spent in each stage: rewrite (follow-ups), retrieval, model, verification")
                    .tag("stage", stage.label())
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry));
        }
        errors = failures(registry, "error");
        timeouts = failures(registry, "timeout");
    }

    private static Counter failures(MeterRegistry registry, String kind) {
        return Counter.builder("cited.model.failures")
                .description("Answers the configured model failed (error) or did not give in time (timeout)")
                .tag("kind", kind)
                .register(registry);
    }

    @Override
    public void finished(Stage stage, long nanos) {
        stages.get(stage).record(Duration.ofNanos(nanos));
    }

    @Override
    public void modelFailed(boolean timeout) {
        (timeout ? timeouts : errors).increment();
    }
}
