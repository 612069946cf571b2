package dev.cited.llm;

import java.util.Locale;
import java.util.Set;

/**
 * A parsed --model value: "extractive", or "provider:model-name" for openai, ollama, anthropic, gemini.
 */
public record ModelSpec(String provider, String modelName) {
    public static final String EXTRACTIVE = "extractive";
    static final Set<String> PROVIDERS = Set.of("openai", "ollama", "anthropic", "gemini");

    public static ModelSpec parse(String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty() || v.equalsIgnoreCase(EXTRACTIVE)) {
            return new ModelSpec(EXTRACTIVE, "");
        }
        int colon = v.indexOf(':');
        String provider = colon < 0 ? v.toLowerCase(Locale.ROOT) : v.substring(0, colon).toLowerCase(Locale.ROOT);
        String name = colon < 0 ? "" : v.substring(colon + 1).strip();
        if (!PROVIDERS.contains(provider) || name.isEmpty()) {
            throw new IllegalArgumentException("Unknown model '" + value + "'. Use extractive, openai:<model>, "
                    + "ollama:<model>, anthropic:<model> or gemini:<model>.");
        }
        return new ModelSpec(provider, name);
    }

    public boolean isExtractive() {
        return EXTRACTIVE.equals(provider);
    }

    /** As reported in answers: "extractive" or "openai:gpt-4o-mini". */
    public String label() {
        return isExtractive() ? EXTRACTIVE : provider + ":" + modelName;
    }
}
