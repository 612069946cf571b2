package dev.cited.support;

import dev.cited.app.CitedConfig;
import dev.cited.app.CitedEngine;
import dev.cited.document.Document;

import java.util.Map;

/** One engine over the real seeds, built once per test JVM: building it loads the embedding model. */
public final class SeedEngine {
    private static CitedEngine engine;

    private SeedEngine() {
    }

    public static synchronized CitedEngine get() {
        if (engine == null) {
            engine = CitedEngine.create(CitedConfig.defaults(), Map.of());
        }
        return engine;
    }

    public static Document document(String id) {
        return get().index().document(id).orElseThrow();
    }
}
