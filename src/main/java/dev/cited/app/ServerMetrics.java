package dev.cited.app;

import dev.cited.collection.CollectionProgress;
import dev.cited.collection.LiveCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.function.ToDoubleFunction;

/**
 * The server's metrics registry, served at /metrics: JVM (memory, GC, threads, classes, CPU, uptime), the
 * collection (documents, passages, vectors built, files by outcome), and answer stages and model failures from
 * the engine. HTTP requests are added by the HTTP face.
 */
final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    ServerMetrics(CitedEngine engine) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        collection(registry, engine.collection());
        engine.reportStagesTo(new AnswerMetrics(registry));
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    private static void collection(MeterRegistry registry, LiveCollection collection) {
        Gauge.builder("cited.documents", collection, c -> c.index().documents().size())
                .description("Documents in the index").register(registry);
        Gauge.builder("cited.passages", collection, c -> c.index().passageCount())
                .description("Passages in the index (searchable with BM25)").register(registry);
        Gauge.builder("cited.passages.embedded", collection, c -> c.index().progress().embedded())
                .description("Passages that have their vector (dense retrieval)").register(registry);
        Gauge.builder("cited.passages.queued", collection, c -> c.index().progress().queued())
                .description("Passages waiting for their vector").register(registry);
        Gauge.builder("cited.passages.failed", collection, c -> c.index().progress().failed())
                .description("Passages whose embedding failed (searchable with BM25 only)").register(registry);
        Gauge.builder("cited.index.ready", collection, c -> c.index().progress().ready() ? 1 : 0)
                .description("1 when every passage that can have a vector has it").register(registry);
        files(registry, collection, "found", f -> f.found());
        files(registry, collection, "read", f -> f.read());
        files(registry, collection, "indexed", f -> f.indexed());
        files(registry, collection, "skipped", f -> f.skipped());
        files(registry, collection, "failed", f -> f.failed());
    }

    private static void files(MeterRegistry registry, LiveCollection collection, String state,
                              ToDoubleFunction<CollectionProgress.Files> count) {
        Gauge.builder("cited.ingest.files", collection, c -> count.applyAsDouble(c.progress().files()))
                .description("Files of the documents folder: found, read so far, and indexed, skipped or failed "
                        + "at the last read")
                .tag("state", state).register(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
